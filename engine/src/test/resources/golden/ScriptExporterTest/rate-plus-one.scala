// Rate plus one
//
// Exported by Sluice from rate-plus-one.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i rate-plus-one.scala
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
      .appName("Rate plus one")
      .getOrCreate()

    // rate (source.rate): Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source
    val rate = spark.readStream
      .format("rate")
      .option("rowsPerSecond", "5")
      .option("numPartitions", "1")
      .load()

    // plus-one (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
    val plus_one = rate
      .withColumn("result", expr("value + 1"))

    // console (sink.console): Prints each batch as a table, as Spark's console sink
    val console = plus_one.writeStream
      .format("console")
      .outputMode("append")
      .option("truncate", "false")
      .start()

    // The queries run until one of them stops or fails (or the job is killed).
    spark.streams.awaitAnyTermination()
  }
}

SluiceExport.main(Array.empty)
