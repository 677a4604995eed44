// Stocks: the first row of each symbol, rows without repeats, and the first row of each symbol within a week
//
// Exported by Sluice from drop-duplicates.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i drop-duplicates.scala
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
      .appName("Stocks: the first row of each symbol, rows without repeats, and the first row of each symbol within a week")
      .getOrCreate()

    // stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // Reads /sluice/sample-data/stocks (the pipeline's '../../../../../sample-data/stocks', resolved against the pipeline file's folder)
    val stocks = spark.readStream
      .format("csv")
      .option("header", "true")
      .option("maxFilesPerTrigger", "1")
      .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
      .load("/sluice/sample-data/stocks")

    // first-of-symbol (transform.dropDuplicates): Drops rows whose columns equal an earlier row's, keeping the first, as Spark's dropDuplicates; keeps every key in its state until a watermark evicts it
    val first_of_symbol = stocks
      .dropDuplicates(Seq("Name", "Date"))

    // firsts (sink.console): Prints each batch as a table, as Spark's console sink
    val firsts = first_of_symbol.writeStream
      .format("console")
      .outputMode("append")
      .trigger(Trigger.AvailableNow())
      .start()

    // distinct-rows (transform.dropDuplicates): Drops rows whose columns equal an earlier row's, keeping the first, as Spark's dropDuplicates; keeps every key in its state until a watermark evicts it
    val distinct_rows = stocks
      .dropDuplicates()

    // rows (sink.memory): Keeps every row in memory under a query name
    val rows = distinct_rows.writeStream
      .format("memory")
      .outputMode("update")
      .queryName("rows")
      .trigger(Trigger.AvailableNow())
      .start()

    // timed (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
    val timed = stocks
      .withColumn("ts", expr("CAST(Date AS TIMESTAMP)"))

    // late-by-a-week (transform.watermark): Sets the event-time watermark, as Spark's withWatermark; stateful operators after it drop rows behind it and forget state behind it
    val late_by_a_week = timed
      .withWatermark("ts", "7 days")

    // first-in-a-week (transform.dropDuplicates): Drops rows whose columns equal an earlier row's, keeping the first, as Spark's dropDuplicates; keeps every key in its state until a watermark evicts it
    val first_in_a_week = late_by_a_week
      .dropDuplicatesWithinWatermark(Seq("Name"))

    // weekly (sink.memory): Keeps every row in memory under a query name
    val weekly = first_in_a_week.writeStream
      .format("memory")
      .outputMode("append")
      .queryName("weekly")
      .trigger(Trigger.AvailableNow())
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(firsts, rows, weekly).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
