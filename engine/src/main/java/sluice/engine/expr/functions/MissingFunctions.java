package sluice.engine.expr.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scalar functions of Spark 4.1 that Sluice does not have, each with the reason: the README's function table
 * prints them, and the analyzer says the reason when one is called. A test in the spark module checks this list
 * against Spark's own registry.
 */
final class MissingFunctions {
    private static final List<MissingFunction> ALL = build();

    private MissingFunctions() {
    }

    static List<MissingFunction> all() {
        return ALL;
    }

    private static List<MissingFunction> build() {
        List<MissingFunction> all = new ArrayList<>();
        group(all, FunctionGroup.CONVERSION,
                "Spark 4.1 itself refuses the TIME type by default (UNSUPPORTED_TIME_TYPE), and Sluice "
                + "has none",
                "time");
        group(all, FunctionGroup.DATETIME, "a grouping key, not a value: write it in the groupBy of "
                + "transform.aggregate (see Event time: watermarks and windows), where Spark's streaming queries "
                + "use it",
                "session_window window");
        // Checked by the functions-datetime/time-type-* compatibility cases: Spark 4.1 refuses each of them.
        group(all, FunctionGroup.DATETIME,
                "Spark 4.1 itself refuses the TIME type by default (UNSUPPORTED_TIME_TYPE), and Sluice "
                + "has none",
                "current_time make_time time_diff time_trunc to_time try_to_time");
        group(all, FunctionGroup.DATETIME,
                "returns Spark's CalendarIntervalType (months, days and microseconds in one value), which Sluice "
                + "does not have and Spark's file sources and sinks refuse (UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE); "
                + "make_ym_interval and make_dt_interval make the ANSI intervals",
                "make_interval try_make_interval");
        group(all, FunctionGroup.MISC,
                "reads sketches that only Spark's sketch aggregates build (hll_sketch_agg, "
                + "kll_sketch_agg_*, theta_sketch_agg, approx_top_k_accumulate), which Sluice does not have",
                "approx_top_k_estimate hll_sketch_estimate hll_union kll_sketch_get_n_bigint "
                + "kll_sketch_get_n_double kll_sketch_get_n_float kll_sketch_get_quantile_bigint "
                + "kll_sketch_get_quantile_double kll_sketch_get_quantile_float "
                + "kll_sketch_get_rank_bigint kll_sketch_get_rank_double kll_sketch_get_rank_float "
                + "kll_sketch_merge_bigint kll_sketch_merge_double kll_sketch_merge_float "
                + "kll_sketch_to_string_bigint kll_sketch_to_string_double "
                + "kll_sketch_to_string_float theta_difference theta_intersection "
                + "theta_sketch_estimate theta_union");
        group(all, FunctionGroup.MISC, "Sluice reads and writes no Avro",
                "from_avro schema_of_avro to_avro");
        group(all, FunctionGroup.MISC, "Sluice reads and writes no Protocol Buffers",
                "from_protobuf to_protobuf");
        group(all, FunctionGroup.MISC,
                "calls any Java method by name, which a pipeline file, being data, must not be able to do",
                "java_method reflect try_reflect");
        group(all, FunctionGroup.MISC, "Spark refuses it in streaming queries, and every Sluice pipeline is one",
                "monotonically_increasing_id");
        group(all, FunctionGroup.ST, "Sluice has no geospatial types",
                "st_asbinary st_geogfromwkb st_geomfromwkb st_setsrid st_srid");
        group(all, FunctionGroup.VARIANT, "Sluice has no VARIANT type",
                "is_variant_null parse_json schema_of_variant schema_of_variant_agg "
                + "to_variant_object try_parse_json try_variant_get variant_get");
        group(all, FunctionGroup.XML, "Sluice reads no XML",
                "from_xml schema_of_xml to_xml xpath xpath_boolean xpath_double xpath_float "
                + "xpath_int xpath_long xpath_number xpath_short xpath_string");
        all.sort(Comparator.comparing(MissingFunction::name));
        return List.copyOf(all);
    }

    /** Every function of {@code names} (separated by spaces) is missing for {@code reason}. */
    private static void group(List<MissingFunction> all, FunctionGroup group, String reason, String names) {
        for (String name : names.split(" +")) {
            all.add(new MissingFunction(name, group, reason));
        }
    }
}
