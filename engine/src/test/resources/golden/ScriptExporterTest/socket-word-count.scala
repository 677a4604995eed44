// Socket word count
//
// Exported by Sluice from socket-word-count.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i socket-word-count.scala
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

object SluiceExport {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder
      .appName("Socket word count")
      .getOrCreate()

    // lines (source.socket): Reads UTF-8 text lines from a TCP server into a 'value' column, as Spark's socket source
    val lines = spark.readStream
      .format("socket")
      .option("host", "127.0.0.1")
      .option("port", "9999")
      .load()

    // words (transform.select): Computes new columns from each row, as Spark's selectExpr
    val words = lines
      .selectExpr("explode(split(value, ' ')) AS word")

    // word-counts (transform.aggregate): Groups rows and aggregates each group over the whole stream, as Spark's groupBy().agg(); keeps state
    val word_counts = words
      .groupBy(expr("word"))
      .agg(expr("count(*) AS count"))

    // console (sink.console): Prints each batch as a table, as Spark's console sink
    val console = word_counts.writeStream
      .format("console")
      .outputMode("complete")
      .option("truncate", "false")
      .start()

    // The queries run until one of them stops or fails (or the job is killed).
    spark.streams.awaitAnyTermination()
  }
}

SluiceExport.main(Array.empty)
