# Rate: 10-second window counts
#
# Exported by Sluice from rate-windowed.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit rate-windowed.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Rate: 10-second window counts")
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

# late-by-5s (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
late_by_5s = (
    rate
    .withWatermark("timestamp", "5 seconds")
)

# per-window (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
per_window = (
    late_by_5s
    .groupBy(F.expr("window(timestamp, '10 seconds')"))
    .agg(F.expr("count(*) AS count"), F.expr("min(value)"), F.expr("max(value)"))
)

# console (sink.console): Prints each batch as a table, as Spark's console sink
console = (
    per_window.writeStream
    .format("console")
    .outputMode("append")
    .option("truncate", "false")
    .trigger(processingTime="5 seconds")
    .start()
)

# The queries run until one of them stops or fails (or the job is killed).
spark.streams.awaitAnyTermination()
