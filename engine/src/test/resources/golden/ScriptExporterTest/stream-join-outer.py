# Ads and their clicks within a minute, unclicked ads with nulls
#
# Exported by Sluice from stream-join-outer.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit stream-join-outer.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Ads and their clicks within a minute, unclicked ads with nulls")
    .getOrCreate()
)

# impressions (source.rate): Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source
impressions = (
    spark.readStream
    .format("rate")
    .option("rowsPerSecond", "5")
    .load()
)

# ads (transform.select): Computes new columns from each row, as Spark's selectExpr
ads = (
    impressions
    .selectExpr("value AS adId", "timestamp AS impressionTime")
)

# ads-late (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
ads_late = (
    ads
    .withWatermark("impressionTime", "10 seconds")
)

# clicks (source.rate): Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source
clicks = (
    spark.readStream
    .format("rate")
    .option("rowsPerSecond", "2")
    .load()
)

# clicked (transform.select): Computes new columns from each row, as Spark's selectExpr
clicked = (
    clicks
    .selectExpr("value * 2 AS clickAdId", "timestamp AS clickTime")
)

# clicks-late (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
clicks_late = (
    clicked
    .withWatermark("clickTime", "20 seconds")
)

# ad-clicks (transform.join): Joins two inputs, the first on the left, as Spark's join: a stream with a static table (source.file with static: true), or two streams (append mode; outer and semi joins need watermarks and a time range, as in Spark)
ad_clicks = (
    ads_late
    .join(
        clicks_late,
        F.expr("clickAdId = adId AND clickTime >= impressionTime AND clickTime <= impressionTime + INTERVAL 1 MINUTE"),
        "left_outer"
    )
)

# out (sink.console): Prints each batch as a table, as Spark's console sink
out = (
    ad_clicks.writeStream
    .format("console")
    .outputMode("append")
    .trigger(processingTime="1 second")
    .start()
)

# The queries run until one of them stops or fails (or the job is killed).
spark.streams.awaitAnyTermination()
