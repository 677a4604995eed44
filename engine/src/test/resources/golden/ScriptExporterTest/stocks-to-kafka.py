# Stocks to Kafka: the stocks folder replayed into topic 'stocks'
#
# Exported by Sluice from stocks-to-kafka.sluice.json: the same pipeline written with PySpark's
# Structured Streaming API (Spark 4). Run it with:
#
#     spark-submit --packages org.apache.spark:spark-sql-kafka-0-10_2.13:4.1.1 stocks-to-kafka.py
#
# Each node is one variable named after its id, in the order data flows; each sink is one
# streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
# Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
# at storage every executor can read.

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder
    .appName("Stocks to Kafka: the stocks folder replayed into topic 'stocks'")
    .getOrCreate()
)

# stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
# Reads /sluice/sample-data/stocks (the pipeline's '../stocks', resolved against the pipeline file's folder)
stocks = (
    spark.readStream
    .format("csv")
    .option("header", "true")
    .option("maxFilesPerTrigger", "1")
    .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
    .load("/sluice/sample-data/stocks")
)

# records (transform.select): Computes new columns from each row, as Spark's selectExpr
records = (
    stocks
    .selectExpr("Name AS key", "to_json(struct(*)) AS value")
)

# to-kafka (sink.kafka): Writes each row as a Kafka record from its value, key, topic, headers and partition columns
# Spark's Kafka sink needs a checkpoint and the pipeline names none: a folder next to the pipeline file
to_kafka = (
    records.writeStream
    .format("kafka")
    .outputMode("append")
    .option("kafka.bootstrap.servers", "127.0.0.1:9092")
    .option("topic", "stocks")
    .trigger(processingTime="1 second")
    .option("checkpointLocation", "/sluice/sample-data/pipelines/to_kafka-checkpoint")
    .start()
)

# The queries run until one of them stops or fails (or the job is killed).
spark.streams.awaitAnyTermination()
