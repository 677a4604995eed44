package sluice.engine.parquet;

import java.util.List;
import java.util.Optional;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import sluice.engine.expr.ColumnPredicate;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Schema;

/**
 * The parquet-mr filter that skips a file's row groups by their statistics, made from the predicates of the filter
 * after the source: a predicate whose column the file lacks, or stores in a type other than the one the predicate
 * compares (an INT32 read as BIGINT, unsigned integers, strings without the string annotation), or whose name has a
 * dot (parquet-mr reads that as a nested path), is left out, which only skips less. Stateless.
 */
final class RowGroupFilter {
    private RowGroupFilter() {
    }

    static Optional<FilterCompat.Filter> of(List<ColumnPredicate> predicates, Schema schema, MessageType file) {
        List<String> names = file.getFields().stream().map(Type::getName).toList();
        FilterPredicate all = null;
        for (ColumnPredicate predicate : predicates) {
            if (predicate.column() >= schema.size()) {
                continue;
            }
            int index = ParquetFileRows.fieldIndex(names, schema.field(predicate.column()).name());
            if (index < 0 || !file.getType(index).isPrimitive() || names.get(index).contains(".")) {
                continue;
            }
            FilterPredicate one = predicate(predicate, names.get(index), file.getType(index).asPrimitiveType());
            if (one != null) {
                all = all == null ? one : FilterApi.and(all, one);
            }
        }
        return Optional.ofNullable(all).map(FilterCompat::get);
    }

    private static FilterPredicate predicate(ColumnPredicate predicate, String name, PrimitiveType stored) {
        DataType type = predicate.type();
        LogicalTypeAnnotation annotation = stored.getLogicalTypeAnnotation();
        PrimitiveType.PrimitiveTypeName physical = stored.getPrimitiveTypeName();
        if ((type == AtomicType.INT || type == AtomicType.SMALLINT || type == AtomicType.TINYINT)
                && physical == PrimitiveType.PrimitiveTypeName.INT32 && isSignedInteger(annotation)) {
            Integer value = predicate.value() == null ? null : ((Number) predicate.value()).intValue();
            return compare(FilterApi.intColumn(name), predicate.op(), value);
        } else if (type == AtomicType.BIGINT && physical == PrimitiveType.PrimitiveTypeName.INT64
                && isSignedInteger(annotation)) {
            Long value = predicate.value() == null ? null : ((Number) predicate.value()).longValue();
            return compare(FilterApi.longColumn(name), predicate.op(), value);
        } else if (type == AtomicType.STRING && physical == PrimitiveType.PrimitiveTypeName.BINARY
                && annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
            Binary value = predicate.value() == null ? null : Binary.fromString((String) predicate.value());
            return compare(FilterApi.binaryColumn(name), predicate.op(), value);
        } else if (type == AtomicType.BOOLEAN && physical == PrimitiveType.PrimitiveTypeName.BOOLEAN) {
            Operators.BooleanColumn column = FilterApi.booleanColumn(name);
            return switch (predicate.op()) {
                case EQ -> FilterApi.eq(column, (Boolean) predicate.value());
                case IS_NULL -> FilterApi.eq(column, null);
                case IS_NOT_NULL -> FilterApi.notEq(column, null);
                case LT, LE, GT, GE -> null;
            };
        }
        return null;
    }

    private static boolean isSignedInteger(LogicalTypeAnnotation annotation) {
        return annotation == null || annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
                && integer.isSigned();
    }

    private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
            FilterPredicate compare(C column, ColumnPredicate.Op op, T value) {
        return switch (op) {
            case EQ -> FilterApi.eq(column, value);
            case LT -> FilterApi.lt(column, value);
            case LE -> FilterApi.ltEq(column, value);
            case GT -> FilterApi.gt(column, value);
            case GE -> FilterApi.gtEq(column, value);
            case IS_NULL -> FilterApi.eq(column, null);
            case IS_NOT_NULL -> FilterApi.notEq(column, null);
        };
    }
}
