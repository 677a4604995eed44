// Stocks: trading weeks per symbol as session windows (a gap of two days ends a session)
//
// Exported by Sluice from session-windows.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i session-windows.scala
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
      .appName("Stocks: trading weeks per symbol as session windows (a gap of two days ends a session)")
      .getOrCreate()

    // stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // Reads /sluice/sample-data/stocks (the pipeline's '../../../../../sample-data/stocks', resolved against the pipeline file's folder)
    val stocks = spark.readStream
      .format("csv")
      .option("header", "true")
      .option("maxFilesPerTrigger", "1")
      .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
      .load("/sluice/sample-data/stocks")

    // timed (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
    val timed = stocks
      .withColumn("ts", expr("CAST(Date AS TIMESTAMP)"))

    // late-by-a-week (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
    val late_by_a_week = timed
      .withWatermark("ts", "7 days")

    // weeks (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val weeks = late_by_a_week
      .groupBy(expr("Name"), expr("session_window(ts, '2 days')"))
      .agg(expr("count(*) AS days"), expr("max(High)"), expr("sum(Volume) AS volume"))

    // weekly (sink.console): Prints each batch as a table, as Spark's console sink
    val weekly = weeks.writeStream
      .format("console")
      .outputMode("append")
      .trigger(Trigger.AvailableNow())
      .start()

    // busy-weeks (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val busy_weeks = late_by_a_week
      .groupBy(
        expr("Name"),
        expr("session_window(ts, CASE WHEN Volume > 10000000 THEN '3 days' ELSE '2 days' END) AS s")
      )
      .agg(expr("count(*) AS days"))

    // busy (sink.memory): Keeps every row in memory under a query name
    val busy = busy_weeks.writeStream
      .format("memory")
      .outputMode("complete")
      .queryName("busy")
      .trigger(Trigger.AvailableNow())
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(weekly, busy).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
