// Generators: a row per word, exported as written
//
// Exported by Sluice from generators.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i generators.scala
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
      .appName("Generators: a row per word, exported as written")
      .getOrCreate()

    // events (source.file): Reads new files from a folder each micro-batch, as Spark's file source
    // Reads /sluice/sample-data/json (the pipeline's '../../../../../sample-data/json', resolved against the pipeline file's folder)
    val events = spark.readStream
      .format("json")
      .schema("message STRING")
      .load("/sluice/sample-data/json")

    // words (transform.select): Computes new columns from each row, as Spark's selectExpr
    val words = events
      .selectExpr("message", "posexplode(split(message, ' ')) AS (position, word)")

    // letters (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
    val letters = words
      .withColumn("letter", expr("explode_outer(split(word, ''))"))

    // out (sink.console): Prints each batch as a table, as Spark's console sink
    val out = letters.writeStream
      .format("console")
      .outputMode("append")
      .trigger(Trigger.AvailableNow())
      .start()

    // The trigger stops each query once its data is processed; wait for all of them.
    Seq(out).foreach(_.awaitTermination())
  }
}

SluiceExport.main(Array.empty)
