package sluice.engine.parquet;

import org.apache.parquet.schema.Type;

/**
 * Which field of a Parquet LIST group holds the elements, by the backward-compatibility rules of the Parquet format
 * that Spark's reader follows: a repeated primitive, a repeated group of several fields, or one named {@code array}
 * or {@code <list>_tuple} is itself the element (two-level lists of old writers); otherwise the repeated group wraps
 * one element field (the three-level layout Spark writes). Stateless.
 */
final class ParquetLists {
    private ParquetLists() {
    }

    static Type elementOf(String listName, Type repeated) {
        return isTwoLevel(listName, repeated) ? repeated : repeated.asGroupType().getType(0);
    }

    static boolean isTwoLevel(String listName, Type repeated) {
        return repeated.isPrimitive() || repeated.asGroupType().getFieldCount() > 1
                || repeated.getName().equals("array") || repeated.getName().equals(listName + "_tuple");
    }
}
