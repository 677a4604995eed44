# Generators: a row per word, exported as written
#
# Exported by Sluice from generators.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit generators.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = (
    SparkSession.builder
    .appName("Generators: a row per word, exported as written")
    .getOrCreate()
)

# events (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/json (the pipeline's '../../../../../sample-data/json', resolved against the pipeline file's folder)
events = (
    spark.readStream
    .format("json")
    .schema("message STRING")
    .load("/sluice/sample-data/json")
)

# words (transform.select): Computes new columns from each row, as Spark's selectExpr
words = (
    events
    .selectExpr("message", "posexplode(split(message, ' ')) AS (position, word)")
)

# letters (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
letters = (
    words
    .withColumn("letter", F.expr("explode_outer(split(word, ''))"))
)

# out (sink.console): Prints each batch as a table, as Spark's console sink
out = (
    letters.writeStream
    .format("console")
    .outputMode("append")
    .trigger(availableNow=True)
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [out]:
    query.awaitTermination()
