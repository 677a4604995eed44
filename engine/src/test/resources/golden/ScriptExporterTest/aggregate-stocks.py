# Stocks: average close per symbol
#
# Exported by Sluice from aggregate-stocks.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit aggregate-stocks.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Stocks: average close per symbol")
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
    .agg(F.expr("avg(Close) AS avg_close"), F.expr("count(*) AS days"), F.expr("max(High)"))
)

# table (sink.console): Prints each batch as a table, as Spark's console sink
table = (
    per_symbol.writeStream
    .format("console")
    .outputMode("complete")
    .trigger(availableNow=True)
    .start()
)

# all (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
all = (
    stocks
    .groupBy()
    .agg(F.expr("count(*)"), F.expr("sum(Volume) AS volume"))
)

# totals (sink.memory): Keeps every row in memory under a query name
totals = (
    all.writeStream
    .format("memory")
    .outputMode("update")
    .queryName("totals")
    .trigger(availableNow=True)
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [table, totals]:
    query.awaitTermination()
