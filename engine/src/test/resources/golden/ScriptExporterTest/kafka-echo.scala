// Kafka echo: each record of topic 'echo', upper-cased
//
// Exported by Sluice from kafka-echo.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell --packages org.apache.spark:spark-sql-kafka-0-10_2.13:4.1.1 -i kafka-echo.scala
//
//
// The last line calls SluiceExport.main; to spark-submit it instead, compile the object
// into a jar without that line.
// Each node is one variable named after its id, in the order data flows; each sink is one
// streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
// Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
// at storage every executor can read.

import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.streaming.Trigger

object SluiceExport {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder
      .appName("Kafka echo: each record of topic 'echo', upper-cased")
      .getOrCreate()

    // echo (source.kafka): Reads new records of Kafka topics each micro-batch (key, value, topic, partition, offset, timestamp), as Spark's Kafka source
    val echo = spark.readStream
      .format("kafka")
      .option("kafka.bootstrap.servers", "127.0.0.1:9092")
      .option("subscribe", "echo")
      .option("startingOffsets", "earliest")
      .load()

    // upper (transform.select): Computes new columns from each row, as Spark's selectExpr
    val upper = echo
      .selectExpr("upper(CAST(value AS STRING)) AS value", "partition", "offset", "timestamp")

    // console (sink.console): Prints each batch as a table, as Spark's console sink
    val console = upper.writeStream
      .format("console")
      .outputMode("append")
      .option("truncate", "false")
      .trigger(Trigger.ProcessingTime("1 second"))
      .start()

    // table (sink.table): Shows each batch in a live table in the workbench, with a history of recent batches
    // Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('table')
    // Workbench-only options left out: maxBatches=100
    val table = upper.writeStream
      .format("memory")
      .outputMode("append")
      .queryName("table")
      .trigger(Trigger.ProcessingTime("1 second"))
      .start()

    // The queries run until one of them stops or fails (or the job is killed).
    spark.streams.awaitAnyTermination()
  }
}

SluiceExport.main(Array.empty)
