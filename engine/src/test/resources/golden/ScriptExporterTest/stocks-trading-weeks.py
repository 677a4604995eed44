# Stocks: trading weeks per symbol as session windows
#
# Exported by Sluice from stocks-trading-weeks.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit stocks-trading-weeks.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Stocks: trading weeks per symbol as session windows")
    .getOrCreate()
)

# stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/stocks (the pipeline's '../stocks', resolved against the pipeline file's folder)
stocks = (
    spark.readStream
    .format("csv")
    .option("header", "true")
    .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
    .load("/sluice/sample-data/stocks")
)

# event-time (transform.select): Computes new columns from each row, as Spark's selectExpr
event_time = (
    stocks
    .selectExpr("CAST(Date AS TIMESTAMP) AS day", "Name", "Open", "High", "Close", "Volume")
)

# late-by-7d (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
late_by_7d = (
    event_time
    .withWatermark("day", "7 days")
)

# weeks (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
weeks = (
    late_by_7d
    .groupBy(F.expr("Name"), F.expr("session_window(day, '2 days') AS week"))
    .agg(
        F.expr("count(*) AS days"),
        F.expr("first(Open) AS open"),
        F.expr("max(High) AS high"),
        F.expr("last(Close) AS close"),
        F.expr("sum(Volume) AS volume")
    )
)

# flat (transform.select): Computes new columns from each row, as Spark's selectExpr
flat = (
    weeks
    .selectExpr(
        "Name",
        "CAST(week.start AS DATE) AS first_day",
        "days",
        "open",
        "high",
        "close",
        "volume"
    )
)

# table (sink.table): Shows each batch in a live table in the workbench, with a history of recent batches
# Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('table')
table = (
    flat.writeStream
    .format("memory")
    .outputMode("append")
    .queryName("table")
    .trigger(availableNow=True)
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [table]:
    query.awaitTermination()
