# Messages once, into memory
#
# Exported by Sluice from checkpoint-once.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit checkpoint-once.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("Messages once, into memory")
    # File sources infer their schema from the files present at start: messages
    .config("spark.sql.streaming.schemaInference", "true")
    .getOrCreate()
)

# messages (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# No schema: Spark infers it from the files present at start, as spark.sql.streaming.schemaInference says
# Reads /sluice/sample-data/json (the pipeline's '../../../../../sample-data/json', resolved against the pipeline file's folder)
messages = (
    spark.readStream
    .format("json")
    .load("/sluice/sample-data/json")
)

# lengths (transform.select): Computes new columns from each row, as Spark's selectExpr
lengths = (
    messages
    .selectExpr("message", "length(message) AS length")
)

# kept (sink.memory): Keeps every row in memory under a query name
# Its own checkpoint folder inside the pipeline's checkpointLocation: one per query in Spark
kept = (
    lengths.writeStream
    .format("memory")
    .outputMode("append")
    .queryName("kept_messages")
    .trigger(once=True)
    .option("checkpointLocation", "/sluice/engine/src/test/resources/checkpoints/messages/kept")
    .start()
)

# discarded (sink.noop): Discards the rows (Spark's noop format), for benchmarks
# Its own checkpoint folder inside the pipeline's checkpointLocation: one per query in Spark
discarded = (
    lengths.writeStream
    .format("noop")
    .outputMode("append")
    .trigger(once=True)
    .option(
        "checkpointLocation",
        "/sluice/engine/src/test/resources/checkpoints/messages/discarded"
    )
    .start()
)

# The trigger stops each query once its data is processed; wait for all of them.
for query in [kept, discarded]:
    query.awaitTermination()
