// Stocks replay: daily change per symbol
//
// Exported by Sluice from stocks-replay.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i stocks-replay.scala
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
      .appName("Stocks replay: daily change per symbol")
      .getOrCreate()

    // stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // Reads /sluice/sample-data/stocks (the pipeline's '../stocks', resolved against the pipeline file's folder)
    val stocks = spark.readStream
      .format("csv")
      .option("header", "true")
      .option("maxFilesPerTrigger", "1")
      .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
      .load("/sluice/sample-data/stocks")

    // change (transform.select): Computes new columns from each row, as Spark's selectExpr
    val change = stocks
      .selectExpr(
        "Name",
        "Date",
        "Close",
        "round(Close - Open, 2) AS change",
        "round((Close - Open) / Open * 100, 2) AS change_pct"
      )

    // console (sink.console): Prints each batch as a table, as Spark's console sink
    val console = change.writeStream
      .format("console")
      .outputMode("append")
      .option("numRows", "5")
      .trigger(Trigger.ProcessingTime("1 second"))
      .start()

    // table (sink.table): Shows each batch in a live table in the workbench, with a history of recent batches
    // Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('table')
    // Workbench-only options left out: maxBatches=100
    val table = change.writeStream
      .format("memory")
      .outputMode("append")
      .queryName("table")
      .trigger(Trigger.ProcessingTime("1 second"))
      .start()

    // close-chart (sink.chart): Draws live series of each batch in the workbench
    // Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('close_chart')
    // Workbench-only options left out: x=Date, y=[Close], series=Name, kind=line, maxPoints=1000
    val close_chart = change.writeStream
      .format("memory")
      .outputMode("append")
      .queryName("close_chart")
      .trigger(Trigger.ProcessingTime("1 second"))
      .start()

    // The queries run until one of them stops or fails (or the job is killed).
    spark.streams.awaitAnyTermination()
  }
}

SluiceExport.main(Array.empty)
