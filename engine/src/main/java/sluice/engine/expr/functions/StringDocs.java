package sluice.engine.expr.functions;

import java.util.List;

/** The string functions (Spark's string_funcs). */
final class StringDocs {
    private StringDocs() {
    }

    static List<SqlFunction> all() {
        return new Docs(FunctionGroup.STRING)
                .add("upper ucase", "upper(str)", "str with every letter in upper case",
                        "upper('Straße')", "STRASSE")
                .add("lower lcase", "lower(str)", "str with every letter in lower case", "lower('ÉtÉ')", "été")
                .add("initcap", "initcap(str)",
                        "str with the first letter of each space-separated word in upper case, the rest in lower case",
                        "initcap('hello wORLD')", "Hello World")
                .add("trim", "trim(str)", "str without its leading and trailing spaces (not tabs or line breaks)",
                        "concat('[', trim('  a b  '), ']')", "[a b]")
                .add("ltrim", "ltrim(str)", "str without its leading spaces", "concat('[', ltrim('  a  '), ']')",
                        "[a  ]")
                .add("rtrim", "rtrim(str)", "str without its trailing spaces", "concat('[', rtrim('  a  '), ']')",
                        "[  a]")
                .add("length char_length character_length", "length(expr)",
                        "The number of characters of a string, or of bytes of a binary value", "length('héllo')",
                        "5")
                .add("octet_length", "octet_length(expr)", "The number of bytes of a string in UTF-8, or of a binary",
                        "octet_length('héllo')", "6")
                .add("bit_length", "bit_length(expr)", "The number of bits of a string in UTF-8, or of a binary",
                        "bit_length('abc')", "24")
                .add("substring substr", "substring(str, pos[, len])",
                        "The len characters (or bytes) of str from position pos; 1 is the first, a negative pos "
                                + "counts from the end", "substring('Sluice', 2, 3)", "lui")
                .add("instr", "instr(str, substr)",
                        "The position (from 1) of the first substr in str, or 0 when it does not occur",
                        "instr('banana', 'an')", "2")
                .add("lpad", "lpad(str, len[, pad])",
                        "str padded on the left with pad (a space by default) to len characters, or cut to len",
                        "lpad('7', 3, '0')", "007")
                .add("rpad", "rpad(str, len[, pad])",
                        "str padded on the right with pad (a space by default) to len characters, or cut to len",
                        "rpad('ab', 5, 'xy')", "abxyx")
                .add("concat_ws", "concat_ws(sep[, str | array(str)]+)",
                        "The strings (and elements of string arrays) joined with sep between them; nulls are skipped",
                        "concat_ws('/', 'a', NULL, 'b')", "a/b")
                .add("split", "split(str, regex[, limit])",
                        "str cut at every match of the regular expression, into at most limit pieces when limit > 0",
                        "split('a1b22c', '[0-9]+')", "[a, b, c]")
                .add("regexp_replace", "regexp_replace(str, regexp, rep[, position])",
                        "str with every match of regexp from position on replaced by rep ($1 names a group)",
                        "regexp_replace('2024-01-02', '(\\\\d+)-(\\\\d+)-(\\\\d+)', '$3.$2.$1')", "02.01.2024")
                .add("regexp_extract", "regexp_extract(str, regexp[, idx])",
                        "Group idx (1 by default, 0 for the whole match) of the first match of regexp in str, or ''",
                        "regexp_extract('id=42;', 'id=(\\\\d+)', 1)", "42")
                .add("base64", "base64(bin)", "The binary value as base 64 text", "base64('Spark')", "U3Bhcms=")
                .add("unbase64", "unbase64(str)", "The binary value of base 64 text", "unbase64('U3Bhcms=')",
                        "[53 70 61 72 6B]")
                .add("encode", "encode(str, charset)",
                        "The bytes of str in a character set: US-ASCII, ISO-8859-1, UTF-8, UTF-16BE, UTF-16LE, UTF-16 "
                                + "or UTF-32", "encode('é', 'UTF-8')", "[C3 A9]")
                .add("decode", "decode(bin, charset); decode(expr, search, result [, search, result] ... [, default])",
                        "The text of bytes in a character set; or, with more arguments, the result paired with the "
                                + "first search value equal to expr (nulls equal), else default",
                        "decode(2, 1, 'one', 2, 'two', 'many')", "two")
                .functions();
    }
}
