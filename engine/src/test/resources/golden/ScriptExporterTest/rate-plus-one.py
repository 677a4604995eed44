# Rate plus one
#
# Exported by Sluice from rate-plus-one.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit rate-plus-one.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Rate plus one")
    .getOrCreate()
)

# rate (source.rate): Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source
rate = (
    spark.readStream
    .format("rate")
    .option("rowsPerSecond", "5")
    .option("numPartitions", "1")
    .load()
)

# plus-one (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
plus_one = (
    rate
    .withColumn("result", F.expr("value + 1"))
)

# console (sink.console): Prints each batch as a table, as Spark's console sink
console = (
    plus_one.writeStream
    .format("console")
    .outputMode("append")
    .option("truncate", "false")
    .start()
)

# The queries run until one of them stops or fails (or the job is killed).
spark.streams.awaitAnyTermination()
