// Stocks: trading weeks per symbol as session windows
//
// Exported by Sluice from stocks-trading-weeks.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i stocks-trading-weeks.scala
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
      .appName("Stocks: trading weeks per symbol as session windows")
      .getOrCreate()

    // stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // Reads /sluice/sample-data/stocks (the pipeline's '../stocks', resolved against the pipeline file's folder)
    val stocks = spark.readStream
      .format("csv")
      .option("header", "true")
      .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
      .load("/sluice/sample-data/stocks")

    // event-time (transform.select): Computes new columns from each row, as Spark's selectExpr
    val event_time = stocks
      .selectExpr("CAST(Date AS TIMESTAMP) AS day", "Name", "Open", "High", "Close", "Volume")

    // late-by-7d (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
    val late_by_7d = event_time
      .withWatermark("day", "7 days")

    // weeks (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val weeks = late_by_7d
      .groupBy(expr("Name"), expr("session_window(day, '2 days') AS week"))
      .agg(
        expr("count(*) AS days"),
        expr("first(Open) AS open"),
        expr("max(High) AS high"),
        expr("last(Close) AS close"),
        expr("sum(Volume) AS volume")
      )

    // flat (transform.select): Computes new columns from each row, as Spark's selectExpr
    val flat = weeks
      .selectExpr(
        "Name",
        "CAST(week.start AS DATE) AS first_day",
        "days",
        "open",
        "high",
        "close",
        "volume"
      )

    // table (sink.table): Shows each batch in a live table in the workbench, with a history of recent batches
    // Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('table')
    val table = flat.writeStream
      .format("memory")
      .outputMode("append")
      .queryName("table")
      .trigger(Trigger.AvailableNow())
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(table).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
