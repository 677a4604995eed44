package sluice.engine.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ordered, named and typed columns of a batch. Column names match case-insensitively, as in Spark. */
public record Schema(List<Field> fields) {
    public static final Schema EMPTY = new Schema(List.of());

    public Schema {
        fields = List.copyOf(fields);
    }

    public static Schema of(Field... fields) {
        return new Schema(List.of(fields));
    }

    public int size() {
        return fields.size();
    }

    public Field field(int index) {
        return fields.get(index);
    }

    public List<String> names() {
        return fields.stream().map(Field::name).collect(Collectors.toList());
    }

    /** Indexes of every field named {@code name}, ignoring case (more than one means an ambiguous reference). */
    public List<Integer> indexesOf(String name) {
        List<Integer> found = new ArrayList<>();
        String wanted = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                found.add(i);
            }
        }
        return found;
    }

    /** The first field named {@code name} ignoring case, or -1. */
    public int indexOf(String name) {
        List<Integer> found = indexesOf(name);
        return found.isEmpty() ? -1 : found.get(0);
    }

    public Schema append(Field field) {
        List<Field> all = new ArrayList<>(fields);
        all.add(field);
        return new Schema(all);
    }

    public StructType toStructType() {
        return new StructType(fields);
    }

    /** DDL form: {@code Date DATE, Close DOUBLE}. */
    public String toDdl() {
        return fields.stream().map(f -> quoteIfNeeded(f.name()) + " " + f.type().sql())
                .collect(Collectors.joining(", "));
    }

    /** Spark's {@code StructType.simpleString}: {@code struct<a:int,b:string>}. */
    public String simpleString() {
        return toStructType().simpleString();
    }

    /** A name in backquotes unless it is a plain identifier, as Spark's {@code quoteIfNeeded}. */
    public static String quoteIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
    }
}
