// Stocks from Parquet: each symbol's year
//
// Exported by Sluice from stocks-parquet.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i stocks-parquet.scala
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
      .appName("Stocks from Parquet: each symbol's year")
      // File sources infer their schema from the files present at start: stocks
      .config("spark.sql.streaming.schemaInference", "true")
      .getOrCreate()

    // stocks (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // No schema: Spark infers it from the files present at start, as spark.sql.streaming.schemaInference says
    // Reads /sluice/sample-data/stocks-parquet (the pipeline's '../stocks-parquet', resolved against the pipeline file's folder)
    val stocks = spark.readStream
      .format("parquet")
      .load("/sluice/sample-data/stocks-parquet")

    // yearly (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val yearly = stocks
      .groupBy(expr("Name"), expr("year(Date) AS year"))
      .agg(
        expr("count(*) AS days"),
        expr("min(Low) AS low"),
        expr("max(High) AS high"),
        expr("sum(Volume) AS volume")
      )

    // table (sink.table): Shows each batch in a live table in the workbench, with a history of recent batches
    // Sluice's workbench draws this sink; on Spark it is the memory sink: query it with spark.table('table')
    val table = yearly.writeStream
      .format("memory")
      .outputMode("complete")
      .queryName("table")
      .trigger(Trigger.AvailableNow())
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(table).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
