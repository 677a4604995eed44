package sluice.engine.expr.analyze;

import java.util.List;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.SluiceException;
import sluice.engine.diag.Suggestion;
import sluice.engine.expr.lex.Span;
import sluice.engine.expr.parse.Ast;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.Field;
import sluice.engine.types.MapType;
import sluice.engine.types.Schema;
import sluice.engine.types.StructType;

/**
 * Types {@code base.field} and {@code base[key]} as Spark's ExtractValue: a struct's field, the field of every struct
 * in an array, an array's element (0-based), a map's value. Names are Spark's pretty SQL: {@code s.x} with the field
 * as written, {@code a[0]}, {@code m[k]} (a string key unquoted). Stateless.
 */
final class Extraction {
    private final Analyzer analyzer;

    Extraction(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Typed fieldAccess(Ast.FieldAccess access) {
        Typed base = analyzer.analyze(access.base());
        return field(base, access.field(), access.span());
    }

    Typed subscript(Ast.Subscript subscript) {
        Typed base = analyzer.analyze(subscript.base());
        Typed key = analyzer.analyze(subscript.index());
        DataType type = base.type();
        String sql = base.sql() + "[" + key.sql() + "]";
        if (type instanceof ArrayType array) {
            boolean fieldName = key instanceof Typed.Constant constant && constant.value() instanceof String;
            if (fieldName && array.elementType() instanceof StructType) {
                return field(base, (String) ((Typed.Constant) key).value(), subscript.span());
            }
            // Spark's GetArrayItem takes any integral index as it is (a BIGINT is cut to an int), and no other type.
            if (!key.type().isIntegral()) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, subscript.index().span(),
                        "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] the index of '%s' must be an integral type, not %s",
                        base.sql(), key.type().sql());
            }
            return new Typed.Call("get_array_item", List.of(base, key), array.elementType(), true, subscript.span(),
                    sql);
        } else if (type instanceof MapType map) {
            Typed coerced = analyzer.expect(key, map.keyType(), "the key of '" + base.sql() + "'");
            return new Typed.Call("get_map_value", List.of(base, coerced), map.valueType(), true, subscript.span(),
                    sql);
        } else if (type instanceof StructType) {
            if (!(key instanceof Typed.Constant constant) || !(constant.value() instanceof String name)) {
                throw analyzer.error(ErrorCode.TYPE_MISMATCH, subscript.index().span(),
                        "[INVALID_EXTRACT_FIELD_TYPE] a struct's field name must be a string literal, not '%s'",
                        key.sql());
            }
            return field(base, name, subscript.span());
        }
        throw notExtractable(base, subscript.span());
    }

    /** {@code base.name}: a struct's field, or that field of every struct in an array of structs. */
    private Typed field(Typed base, String name, Span span) {
        boolean inArray = base.type() instanceof ArrayType array && array.elementType() instanceof StructType;
        StructType struct = inArray ? (StructType) ((ArrayType) base.type()).elementType()
                : base.type() instanceof StructType s ? s : null;
        if (struct == null) {
            throw notExtractable(base, span);
        }
        Schema fields = struct.toSchema();
        List<Integer> found = fields.indexesOf(name);
        if (found.size() > 1) {
            throw analyzer.error(ErrorCode.AMBIGUOUS_COLUMN, span,
                    "[AMBIGUOUS_REFERENCE_TO_FIELDS] the field '%s' appears %d times in %s", name, found.size(),
                    struct.sql());
        }
        if (found.isEmpty()) {
            String closest = Suggestion.closest(name, fields.names()).orElse(null);
            throw analyzer.error(ErrorCode.UNKNOWN_COLUMN, span, "[FIELD_NOT_FOUND] no field '%s' in %s%s", name,
                    struct.sql(), closest == null ? "" : "; did you mean '" + closest + "'?");
        }
        int index = found.get(0);
        Field field = fields.field(index);
        Typed position = new Typed.Constant((long) index, AtomicType.INT, span, Integer.toString(index));
        String sql = base.sql() + "." + name;
        if (inArray) {
            return new Typed.Call("get_array_struct_fields", List.of(base, position),
                    new ArrayType(field.type(), true), base.nullable(), span, sql);
        }
        return new Typed.Call("get_field", List.of(base, position), field.type(), true, span, sql);
    }

    private SluiceException notExtractable(Typed base, Span span) {
        return analyzer.error(ErrorCode.TYPE_MISMATCH, span, "[INVALID_EXTRACT_BASE_FIELD_TYPE] cannot take a value "
                + "out of '%s': it is %s, not a STRUCT, ARRAY or MAP", base.sql(), base.type().sql());
    }
}
