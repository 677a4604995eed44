// Stocks: average close per symbol
//
// Exported by Sluice from aggregate-stocks.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i aggregate-stocks.scala
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
      .appName("Stocks: average close per symbol")
      .getOrCreate()

    // stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // Reads /sluice/sample-data/stocks (the pipeline's '../../../../../sample-data/stocks', resolved against the pipeline file's folder)
    val stocks = spark.readStream
      .format("csv")
      .option("header", "true")
      .option("maxFilesPerTrigger", "1")
      .schema("Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING")
      .load("/sluice/sample-data/stocks")

    // per-symbol (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val per_symbol = stocks
      .groupBy(expr("Name"))
      .agg(expr("avg(Close) AS avg_close"), expr("count(*) AS days"), expr("max(High)"))

    // table (sink.console): Prints each batch as a table, as Spark's console sink
    val table = per_symbol.writeStream
      .format("console")
      .outputMode("complete")
      .trigger(Trigger.AvailableNow())
      .start()

    // all (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val all = stocks
      .groupBy()
      .agg(expr("count(*)"), expr("sum(Volume) AS volume"))

    // totals (sink.memory): Keeps every row in memory under a query name
    val totals = all.writeStream
      .format("memory")
      .outputMode("update")
      .queryName("totals")
      .trigger(Trigger.AvailableNow())
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(table, totals).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
