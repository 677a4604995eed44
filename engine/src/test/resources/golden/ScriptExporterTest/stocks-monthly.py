# Stocks: 30-day windows per symbol
#
# Exported by Sluice from stocks-monthly.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit stocks-monthly.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Stocks: 30-day windows per symbol")
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
    .selectExpr("CAST(Date AS TIMESTAMP) AS day", "Name", "High", "Close", "Volume")
)

# late-by-30d (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
late_by_30d = (
    event_time
    .withWatermark("day", "30 days")
)

# monthly (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
monthly = (
    late_by_30d
    .groupBy(F.expr("window(day, '30 days')"), F.expr("Name"))
    .agg(
        F.expr("avg(Close) AS avg_close"),
        F.expr("max(High) AS max_high"),
        F.expr("sum(Volume) AS volume")
    )
)

# table (sink.table): Shows each batch in a live table in the workbench, with a history of recent batches
# Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('table')
table = (
    monthly.writeStream
    .format("memory")
    .outputMode("update")
    .queryName("table")
    .trigger(availableNow=True)
    .start()
)

# flat (transform.select): Computes new columns from each row, as Spark's selectExpr
flat = (
    monthly
    .selectExpr("window.start AS month", "Name", "avg_close")
)

# chart (sink.chart): Draws live series of each batch in the workbench
# Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('chart')
# Workbench-only options left out: x=month, y=[avg_close], series=Name
chart = (
    flat.writeStream
    .format("memory")
    .outputMode("update")
    .queryName("chart")
    .trigger(availableNow=True)
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [table, chart]:
    query.awaitTermination()
