package sluice.engine.expr.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.StructType;

/**
 * The functions that make a new array out of others or out of bounds: {@code arrays_zip}, whose struct fields Spark
 * names after what each argument was written as (a column, a struct field) or else by its position, and
 * {@code sequence} of integers, dates or timestamps, its bounds cast to their common type. Stateless.
 */
final class SequenceFunctions extends AnalyzedFamily {
    static final Set<String> NAMES = Set.of("arrays_zip", "sequence");

    SequenceFunctions(Analyzer analyzer, FunctionCatalog catalog) {
        super(NAMES, analyzer, catalog);
    }

    @Override
    public Typed resolve(String name, Ast.Call call, List<Typed> args) {
        String sql = FunctionCatalog.sqlName(call, args);
        if (name.equals("arrays_zip")) {
            return arraysZip(call, args, sql);
        }
        catalog.checkArity(call, args.size(), 2, 3);
        return sequence(call, args, sql);
    }

    private Typed arraysZip(Ast.Call call, List<Typed> args, String sql) {
        List<Field> fields = new ArrayList<>();
        List<Typed> arrays = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Typed arg = args.get(i);
            if (arg.type() == AtomicType.NULL) {
                arg = analyzer.coerce(arg, new ArrayType(AtomicType.NULL, true));
            } else if (!(arg.type() instanceof ArrayType)) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, arg.span(), "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] "
                        + "argument %d of 'arrays_zip' must be an ARRAY, but '%s' has type %s", i + 1, arg.sql(),
                        arg.type().sql());
            }
            arrays.add(arg);
            fields.add(new Field(fieldName(call.args().get(i), i), ((ArrayType) arg.type()).elementType(), true));
        }
        boolean nullable = arrays.stream().anyMatch(Typed::nullable);
        return FunctionCatalog.call("arrays_zip", arrays, new ArrayType(new StructType(fields), false), nullable,
                call.span(), sql);
    }

    /** Spark's name for the field of an argument: a column's or field's name as written, else the position. */
    private static String fieldName(Ast arg, int position) {
        if (arg instanceof Ast.ColumnRef column) {
            return column.name();
        } else if (arg instanceof Ast.FieldAccess access) {
            return access.field();
        }
        return Integer.toString(position);
    }

    private Typed sequence(Ast.Call call, List<Typed> args, String sql) {
        List<DataType> boundTypes = List.of(args.get(0).type(), args.get(1).type());
        Optional<DataType> common = Coercion.commonType(boundTypes);
        DataType type = common.orElse(null);
        boolean temporal = type == AtomicType.DATE || type == AtomicType.TIMESTAMP;
        boolean integral = type != null && type.isIntegral();
        Typed step = args.size() > 2 ? args.get(2) : null;
        boolean stepFits = step == null || (temporal ? step.type().isDayTimeInterval()
                : step.type().isIntegral() || step.type() == AtomicType.NULL);
        if (!(temporal || integral) || !stepFits) {
            throw analyzer.error(ErrorCode.TYPE_MISMATCH, call.span(), "[DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES] "
                    + "sequence takes integers with an integer step, or dates or timestamps with an INTERVAL step, "
                    + "but got %s", String.join(", ", args.stream().map(a -> a.type().sql()).toList()));
        }
        if (integral && step != null) {
            common = Coercion.commonType(List.of(type, step.type()));
            type = common.get();
        }
        List<Typed> coerced = new ArrayList<>();
        coerced.add(analyzer.coerce(args.get(0), type));
        coerced.add(analyzer.coerce(args.get(1), type));
        if (step != null) {
            coerced.add(temporal ? step : analyzer.coerce(step, type));
        }
        boolean nullable = coerced.stream().anyMatch(Typed::nullable);
        return FunctionCatalog.call("sequence", coerced, new ArrayType(type, false), nullable, call.span(), sql);
    }
}
