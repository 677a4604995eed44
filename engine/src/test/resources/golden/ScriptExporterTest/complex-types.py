# Arrays, maps and structs, exported as written
#
# Exported by Sluice from complex-types.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit complex-types.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("Arrays, maps and structs, exported as written")
    .getOrCreate()
)

# events (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/json (the pipeline's '../../../../../sample-data/json', resolved against the pipeline file's folder)
events = (
    spark.readStream
    .format("json")
    .schema("message STRING, tags ARRAY<STRING>, attrs MAP<STRING, INT>, origin STRUCT<host: STRING, `port no`: INT>")
    .load("/sluice/sample-data/json")
)

# shaped (transform.select): Computes new columns from each row, as Spark's selectExpr
shaped = (
    events
    .selectExpr(
        "message",
        "tags[0] AS first_tag",
        "attrs['retries'] AS retries",
        "origin.host",
        "element_at(attrs, 'size')",
        "size(tags)",
        "array(message, origin.host) AS pair",
        "map('m', message) AS by_key",
        "named_struct('msg', message, 'n', size(tags)) AS s",
        "struct(message, origin.`port no` AS port)",
        "CAST(tags AS STRING) AS tag_text"
    )
)

# out (sink.console): Prints each batch as a table, as Spark's console sink
out = (
    shaped.writeStream
    .format("console")
    .outputMode("append")
    .trigger(availableNow=True)
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [out]:
    query.awaitTermination()
