# Small integers and binary, exported as written
#
# Exported by Sluice from small-types.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit small-types.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("Small integers and binary, exported as written")
    .getOrCreate()
)

# events (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/json (the pipeline's '../../../../../sample-data/json', resolved against the pipeline file's folder)
events = (
    spark.readStream
    .format("json")
    .schema("message STRING, level TINYINT, code SMALLINT, payload BINARY")
    .load("/sluice/sample-data/json")
)

# decoded (transform.select): Computes new columns from each row, as Spark's selectExpr
decoded = (
    events
    .selectExpr(
        "message",
        "CAST(level AS SMALLINT) + 1S AS next_level",
        "code * 2Y AS double_code",
        "hex(payload) AS payload_hex",
        "payload = X'4F4B' AS ok",
        "decode(payload, 'UTF-8')"
    )
)

# out (sink.console): Prints each batch as a table, as Spark's console sink
out = (
    decoded.writeStream
    .format("console")
    .outputMode("append")
    .trigger(availableNow=True)
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [out]:
    query.awaitTermination()
