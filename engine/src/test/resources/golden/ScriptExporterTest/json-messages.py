# JSON messages
#
# Exported by Sluice from json-messages.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit json-messages.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("JSON messages")
    .getOrCreate()
)

# messages (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/json (the pipeline's '../json', resolved against the pipeline file's folder)
messages = (
    spark.readStream
    .format("json")
    .option("maxFilesPerTrigger", "1")
    .schema("message STRING")
    .load("/sluice/sample-data/json")
)

# shout (transform.select): Computes new columns from each row, as Spark's selectExpr
shout = (
    messages
    .selectExpr("message", "upper(message)", "length(message) AS length")
)

# long-only (transform.filter): Keeps the rows that match a condition, as Spark's filter
long_only = (
    shout
    .filter("length > 10")
)

# console (sink.console): Prints each batch as a table, as Spark's console sink
console = (
    long_only.writeStream
    .format("console")
    .outputMode("append")
    .option("truncate", "false")
    .start()
)

# The queries run until one of them stops or fails (or the job is killed).
spark.streams.awaitAnyTermination()
