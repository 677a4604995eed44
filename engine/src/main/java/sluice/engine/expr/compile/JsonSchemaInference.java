package sluice.engine.expr.compile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import sluice.engine.types.ArrayType;
import sluice.engine.types.AtomicType;
import sluice.engine.types.DataType;
import sluice.engine.types.DecimalType;
import sluice.engine.types.Field;
import sluice.engine.types.StructType;

/**
 * schema_of_json: the type Spark's JSON schema inference gives the first JSON value of a text, with its default
 * options or those given, as DDL text. Integers are BIGINT (DECIMAL past a long), other numbers DOUBLE, strings
 * STRING (an empty one counts as null), objects structs with their fields sorted by name, arrays of the type their
 * elements share (STRING when they share none); a field that is only ever null, or an empty array's element, is
 * STRING; an object without fields is dropped from its parent. Immutable.
 */
final class JsonSchemaInference {
    private static final StructType EMPTY = new StructType(List.of());

    /**
     * Spark's JSON options that change inference, by their names in lower case, with Spark's defaults: the reading
     * features, primitivesAsString, prefersDecimal and dropFieldIfAllNull.
     */
    static final Map<String, Boolean> DEFAULTS = defaults();

    private final JsonFactory factory;
    private final boolean primitivesAsString;
    private final boolean prefersDecimal;
    private final boolean dropFieldIfAllNull;

    /** Inference with the options given (names in lower case, of {@link #DEFAULTS}); the others as by default. */
    JsonSchemaInference(Map<String, Boolean> options) {
        Map<String, Boolean> all = new TreeMap<>(DEFAULTS);
        all.putAll(options);
        this.factory = new JsonFactoryBuilder()
                .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, all.get("allowcomments"))
                .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, all.get("allowunquotedfieldnames"))
                .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, all.get("allowsinglequotes"))
                .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, all.get("allownumericleadingzeros"))
                .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, all.get("allownonnumericnumbers"))
                .configure(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                        all.get("allowbackslashescapinganycharacter"))
                .configure(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, all.get("allowunquotedcontrolchars"))
                .build();
        this.primitivesAsString = all.get("primitivesasstring");
        this.prefersDecimal = all.get("prefersdecimal");
        this.dropFieldIfAllNull = all.get("dropfieldifallnull");
    }

    private static Map<String, Boolean> defaults() {
        Map<String, Boolean> defaults = new TreeMap<>();
        for (String name : List.of("allowComments", "allowUnquotedFieldNames", "allowNumericLeadingZeros",
                "allowBackslashEscapingAnyCharacter", "allowUnquotedControlChars", "primitivesAsString",
                "prefersDecimal", "dropFieldIfAllNull")) {
            defaults.put(name.toLowerCase(Locale.ROOT), false);
        }
        defaults.put("allowsinglequotes", true);
        defaults.put("allownonnumericnumbers", true);
        return Collections.unmodifiableMap(defaults);
    }

    /** The DDL of the type of the first value of {@code json}. */
    String ddl(String json) throws IOException {
        DataType inferred;
        try (JsonParser parser = factory.createParser(json)) {
            parser.nextToken();
            inferred = infer(parser);
        }
        DataType type;
        if (inferred instanceof StructType) {
            type = canonical(inferred).orElse(EMPTY);
        } else if (inferred instanceof ArrayType array && array.elementType() instanceof StructType) {
            type = new ArrayType(canonical(array.elementType()).orElse(EMPTY), array.containsNull());
        } else {
            type = canonical(inferred).orElse(AtomicType.STRING);
        }
        return type.sql();
    }

    private DataType infer(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            return AtomicType.NULL;
        }
        switch (token) {
            case FIELD_NAME -> {
                parser.nextToken();
                return infer(parser);
            }
            case VALUE_STRING -> {
                if (parser.getTextLength() < 1) {
                    return AtomicType.NULL;
                }
                DataType decimal = prefersDecimal ? decimalText(parser.getText()) : null;
                return decimal != null ? decimal : AtomicType.STRING;
            }
            case START_OBJECT -> {
                List<Field> fields = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    fields.add(Field.of(name, infer(parser)));
                }
                // A stable sort: fields of the same name keep their order, as in Spark.
                fields.sort(Comparator.comparing(Field::name));
                return new StructType(fields);
            }
            case START_ARRAY -> {
                DataType element = AtomicType.NULL;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    element = merge(element, infer(parser));
                }
                return new ArrayType(element, true);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return primitivesAsString ? AtomicType.STRING : number(parser);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return primitivesAsString ? AtomicType.STRING : AtomicType.BOOLEAN;
            }
            default -> throw new IOException("unexpected token " + token);
        }
    }

    private DataType number(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT, LONG -> {
                return AtomicType.BIGINT;
            }
            case BIG_INTEGER, BIG_DECIMAL -> {
                return decimalOrDouble(parser.getDecimalValue());
            }
            default -> {
                return prefersDecimal && !parser.isNaN() ? decimalOrDouble(parser.getDecimalValue())
                        : AtomicType.DOUBLE;
            }
        }
    }

    private static DataType decimalOrDouble(BigDecimal value) {
        int precision = Math.max(value.precision(), value.scale());
        return precision <= DecimalType.MAX_PRECISION && value.scale() >= 0
                ? new DecimalType(Math.max(precision, 1), value.scale()) : AtomicType.DOUBLE;
    }

    /** With prefersDecimal, text that is a number (commas dropped, as Spark's US parser) of a DECIMAL that exists. */
    private static DataType decimalText(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        boolean fits = value.scale() >= 0 && value.scale() <= value.precision()
                && value.precision() <= DecimalType.MAX_PRECISION;
        return fits ? new DecimalType(value.precision(), value.scale()) : null;
    }

    /** The type two inferred types meet at, as Spark's JSON inference merges them; STRING when they do not meet. */
    static DataType merge(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a == AtomicType.NULL) {
            return b;
        }
        if (b == AtomicType.NULL) {
            return a;
        }
        if (a == AtomicType.DOUBLE && b instanceof DecimalType || a instanceof DecimalType && b == AtomicType.DOUBLE
                || a == AtomicType.DOUBLE && b == AtomicType.BIGINT
                || a == AtomicType.BIGINT && b == AtomicType.DOUBLE) {
            return AtomicType.DOUBLE;
        }
        if (a == AtomicType.BIGINT && b instanceof DecimalType decimal) {
            return mergeDecimals(new DecimalType(20, 0), decimal);
        }
        if (a instanceof DecimalType decimal && b == AtomicType.BIGINT) {
            return mergeDecimals(decimal, new DecimalType(20, 0));
        }
        if (a instanceof DecimalType left && b instanceof DecimalType right) {
            return mergeDecimals(left, right);
        }
        if (a instanceof StructType left && b instanceof StructType right) {
            return mergeStructs(left.fields(), right.fields());
        }
        if (a instanceof ArrayType left && b instanceof ArrayType right) {
            return new ArrayType(merge(left.elementType(), right.elementType()),
                    left.containsNull() || right.containsNull());
        }
        return AtomicType.STRING;
    }

    /** Room for the integer digits of both and the scale of the larger, or DOUBLE beyond 38 digits. */
    private static DataType mergeDecimals(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return range + scale > DecimalType.MAX_PRECISION ? AtomicType.DOUBLE : new DecimalType(range + scale, scale);
    }

    /** Both field lists are sorted by name: one pass merges them, a name in both getting the merged type. */
    private static StructType mergeStructs(List<Field> left, List<Field> right) {
        List<Field> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            int order = left.get(i).name().compareTo(right.get(j).name());
            if (order == 0) {
                merged.add(Field.of(left.get(i).name(), merge(left.get(i).type(), right.get(j).type())));
                i++;
                j++;
            } else if (order < 0) {
                merged.add(left.get(i++));
            } else {
                merged.add(right.get(j++));
            }
        }
        merged.addAll(left.subList(i, left.size()));
        merged.addAll(right.subList(j, right.size()));
        return new StructType(merged);
    }

    /**
     * Nulls become STRING (or go, with dropFieldIfAllNull), fields without a name and structs without fields go; empty
     * when nothing is left.
     */
    private Optional<DataType> canonical(DataType type) {
        if (type instanceof ArrayType array) {
            return canonical(array.elementType()).map(e -> new ArrayType(e, array.containsNull()));
        }
        if (type instanceof StructType struct) {
            List<Field> fields = new ArrayList<>();
            for (Field field : struct.fields()) {
                if (!field.name().isEmpty()) {
                    canonical(field.type()).ifPresent(t -> fields.add(Field.of(field.name(), t)));
                }
            }
            return fields.isEmpty() ? Optional.empty() : Optional.of(new StructType(fields));
        }
        if (type == AtomicType.NULL) {
            return dropFieldIfAllNull ? Optional.empty() : Optional.of(AtomicType.STRING);
        }
        return Optional.of(type);
    }
}
