# Stocks: the three symbols with the most days, and the first rows
#
# Exported by Sluice from sort-limit.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit sort-limit.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Stocks: the three symbols with the most days, and the first rows")
    .getOrCreate()
)

# stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/stocks (the pipeline's '../../../../../sample-data/stocks', resolved against the pipeline file's folder)
stocks = (
    spark.readStream
    .format("csv")
    .option("header", "true")
    .option("maxFilesPerTrigger", "1")
    .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
    .load("/sluice/sample-data/stocks")
)

# per-symbol (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
per_symbol = (
    stocks
    .groupBy(F.expr("Name"))
    .agg(F.expr("count(*) AS days"), F.expr("max(High) AS high"))
)

# ranked (transform.sort): Sorts each batch's rows, as Spark's orderBy; only after an aggregation, in complete mode
ranked = (
    per_symbol
    .orderBy(F.expr("days").desc(), F.expr("high").asc_nulls_last(), F.expr("Name").asc())
)

# top (transform.limit): Keeps the first n rows, as Spark's limit; not in update mode
top = (
    ranked
    .limit(3)
)

# table (sink.console): Prints each batch as a table, as Spark's console sink
table = (
    top.writeStream
    .format("console")
    .outputMode("complete")
    .trigger(availableNow=True)
    .start()
)

# first (transform.limit): Keeps the first n rows, as Spark's limit; not in update mode
first = (
    stocks
    .limit(10)
)

# rows (sink.memory): Keeps every row in memory under a query name
rows = (
    first.writeStream
    .format("memory")
    .outputMode("append")
    .queryName("first_rows")
    .trigger(availableNow=True)
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [table, rows]:
    query.awaitTermination()
