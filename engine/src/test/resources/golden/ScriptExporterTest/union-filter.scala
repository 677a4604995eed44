// Two rates, tagged, merged and filtered
//
// Exported by Sluice from union-filter.sluice.json: the same pipeline written with Spark's
// Scala Structured Streaming API (Spark 4, Scala 2.13). Run it with:
//
//     spark-shell -i union-filter.scala
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
      .appName("Two rates, tagged, merged and filtered")
      .getOrCreate()

    // slow (source.rate): Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source
    val slow = spark.readStream
      .format("rate")
      .option("rowsPerSecond", "2")
      .load()

    // fast (source.rate): Generates 'timestamp' and consecutive 'value' rows at a fixed rate, as Spark's rate source
    val fast = spark.readStream
      .format("rate")
      .option("rowsPerSecond", "10")
      .option("numPartitions", "2")
      .load()

    // tag-slow (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
    val tag_slow = slow
      .withColumn("origin", expr("'slow'"))

    // tag-fast (transform.withColumn): Adds a column, or replaces the one of the same name, as Spark's withColumn
    val tag_fast = fast
      .withColumn("origin", expr("'fast'"))

    // both (transform.union): Rows of all inputs, columns matched by position, as Spark's union
    val both = tag_slow
      .union(tag_fast)

    // filter-2 (transform.filter): Keeps the rows that match a condition, as Spark's filter
    val filter_2 = both
      .filter("value % 2 = 0 AND origin <> 'it''s \"odd\"'")

    // class (transform.select): Computes new columns from each row, as Spark's selectExpr
    val class_ = filter_2
      .selectExpr("*", "value * 2 AS doubled")

    // out (sink.file): Writes each batch as files plus Spark's _spark_metadata log of committed files
    // Spark's file sink needs a checkpoint and the pipeline names none: a folder next to the output
    val out = class_.writeStream
      .format("csv")
      .outputMode("append")
      .option("header", "true")
      .option("path", "/sluice/engine/src/test/resources/out/even")
      .trigger(Trigger.ProcessingTime("500 milliseconds"))
      .option("checkpointLocation", "/sluice/engine/src/test/resources/out/even-checkpoint")
      .start()

    // The queries run until one of them stops or fails (or the job is killed).
    spark.streams.awaitAnyTermination()
  }
}

SluiceExport.main(Array.empty)
