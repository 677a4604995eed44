package scratch;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import sluice.spark.compat.TestSpark;

class ScratchTest {
    @Test
    void run() throws Exception {
        SparkSession spark = TestSpark.session();
        String[] statements = System.getProperty("scratch.sql").split(";;");
        for (String sql : statements) {
            try {
                Dataset<Row> df;
                if (sql.startsWith("STREAM ")) {
                    String[] parts = sql.substring(7).split("\\|");
                    Dataset<Row> in = spark.readStream().format(parts[0]).schema(parts[1]).load(parts[2]);
                    if (!parts[3].isEmpty()) {
                        in = in.filter(parts[3]);
                    }
                    in = in.selectExpr(parts[4].split(";"));
                    java.util.List<String> out = new java.util.ArrayList<>();
                    org.apache.spark.sql.streaming.StreamingQuery q = in.writeStream()
                            .foreachBatch((org.apache.spark.api.java.function.VoidFunction2<Dataset<Row>, Long>)
                                    (d, id) -> d.collectAsList().forEach(r -> out.add(id + " " + r)))
                            .trigger(org.apache.spark.sql.streaming.Trigger.AvailableNow()).start();
                    q.awaitTermination();
                    out.forEach(r -> System.out.println("ROW " + r));
                    continue;
                }
                if (sql.startsWith("READ ")) {
                    String[] parts = sql.substring(5).split("\\|");
                    df = spark.read().format(parts[0]).schema(parts[1]).load(parts[2]);
                } else {
                    df = spark.sql(sql);
                }
                System.out.println("SCHEMA " + df.schema().simpleString());
                df.collectAsList().forEach(r -> System.out.println("ROW " + r));
            } catch (Throwable t) {
                System.out.println("FAIL " + sql);
                for (Throwable c = t; c != null; c = c.getCause()) {
                    System.out.println("  CAUSE " + c);
                }
            }
        }
    }
}
