// Rate: 10-second window counts
//
// Exported by Sluice from rate-windowed.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i rate-windowed.scala
//
//
// The last line calls SluiceExport.main; to spark-submit it instead, compile the object
// into a jar without that line.
// Each node is one variable named after its id, in the order data flows; each sink is one
// streaming query (Spark runs a query per sink where Sluice runs the whole pipeline as one).
// Expressions are Spark SQL, passed through unchanged. Paths are local: on a cluster, point them
// at storage every executor can read.

import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.functions.expr
import org.apache.spark.sql.streaming.Trigger

object SluiceExport {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder
      .appName("Rate: 10-second window counts")
      .getOrCreate()

    // rate (source.rate): Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source
    val rate = spark.readStream
      .format("rate")
      .option("rowsPerSecond", "5")
      .option("numPartitions", "1")
      .load()

    // late-by-5s (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
    val late_by_5s = rate
      .withWatermark("timestamp", "5 seconds")

    // per-window (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val per_window = late_by_5s
      .groupBy(expr("window(timestamp, '10 seconds')"))
      .agg(expr("count(*) AS count"), expr("min(value)"), expr("max(value)"))

    // console (sink.console): Prints each batch as a table, as Spark's console sink
    val console = per_window.writeStream
      .format("console")
      .outputMode("append")
      .option("truncate", "false")
      .trigger(Trigger.ProcessingTime("5 seconds"))
      .start()

    // The queries run until one of them stops or fails (or the job is killed).
    spark.streams.awaitAnyTermination()
  }
}

SluiceExport.main(Array.empty)
