# Stocks in partition folders
#
# Exported by Sluice from partitioned-files.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit partitioned-files.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("Stocks in partition folders")
    .getOrCreate()
)

# stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/stocks/* (the pipeline's '../../../../../sample-data/stocks/*', resolved against the pipeline file's folder)
stocks = (
    spark.readStream
    .format("csv")
    .option("header", "true")
    .option("basePath", "/sluice/sample-data/stocks")
    .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
    .load("/sluice/sample-data/stocks/*")
)

# out (sink.file): Writes each batch as files plus Spark's _spark_metadata log of committed files
# Spark's file sink needs a checkpoint and the pipeline names none: a folder next to the output
out = (
    stocks.writeStream
    .format("csv")
    .outputMode("append")
    .option("path", "/sluice/engine/src/test/resources/out/by-name")
    .partitionBy("Name")
    .trigger(availableNow=True)
    .option("checkpointLocation", "/sluice/engine/src/test/resources/out/by-name-checkpoint")
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [out]:
    query.awaitTermination()
