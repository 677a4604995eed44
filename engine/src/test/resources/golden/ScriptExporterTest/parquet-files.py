# Parquet in, Parquet out
#
# Exported by Sluice from parquet-files.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit parquet-files.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("Parquet in, Parquet out")
    .getOrCreate()
)

# messages (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/json (the pipeline's '../../../../../sample-data/json', resolved against the pipeline file's folder)
messages = (
    spark.readStream
    .format("parquet")
    .option("mergeSchema", "true")
    .schema("message STRING")
    .load("/sluice/sample-data/json")
)

# out (sink.file): Writes each batch as files plus Spark's _spark_metadata log of committed files
# Spark's file sink needs a checkpoint and the pipeline names none: a folder next to the output
out = (
    messages.writeStream
    .format("parquet")
    .outputMode("append")
    .option("compression", "zstd")
    .option("path", "/sluice/engine/src/test/resources/out/messages")
    .trigger(availableNow=True)
    .option("checkpointLocation", "/sluice/engine/src/test/resources/out/messages-checkpoint")
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [out]:
    query.awaitTermination()
