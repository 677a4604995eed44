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
                .add("trim", "trim(str); trim([BOTH | LEADING | TRAILING] [trimStr] FROM str); trim(trimStr, str)",
                        "str without the leading and trailing spaces (not tabs or line breaks), or characters of "
                                + "trimStr",
                        "concat('[', trim('  a b  '), ']')", "[a b]")
                .add("ltrim", "ltrim(str); ltrim(trimStr, str)", "str without its leading spaces (or characters "
                        + "of trimStr)", "concat('[', ltrim('  a  '), ']')",
                        "[a  ]")
                .add("rtrim", "rtrim(str); rtrim(trimStr, str)", "str without its trailing spaces (or characters "
                        + "of trimStr)", "concat('[', rtrim('  a  '), ']')",
                        "[  a]")
                .add("length char_length character_length len", "length(expr)",
                        "The number of characters of a string, or of bytes of a binary value", "length('héllo')",
                        "5")
                .add("octet_length", "octet_length(expr)", "The number of bytes of a string in UTF-8, or of a binary",
                        "octet_length('héllo')", "6")
                .add("bit_length", "bit_length(expr)", "The number of bits of a string in UTF-8, or of a binary",
                        "bit_length('abc')", "24")
                .add("substring substr", "substring(str, pos[, len]); substring(str FROM pos [FOR len])",
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
                .add("regexp_count", "regexp_count(str, regexp)", "How many times regexp matches in str",
                        "regexp_count('a1b22c333', '[0-9]+')", "3")
                .add("regexp_extract_all", "regexp_extract_all(str, regexp[, idx])",
                        "Group idx (1 by default, 0 for the whole match) of every match of regexp in str",
                        "regexp_extract_all('a1b22c333', '([a-z])([0-9]+)', 2)", "[1, 22, 333]")
                .add("regexp_substr", "regexp_substr(str, regexp)",
                        "The first match of regexp in str, or NULL when there is none (or it is empty)",
                        "regexp_substr('order 66 at 9', '[0-9]+')", "66")
                .add("regexp_instr", "regexp_instr(str, regexp[, idx])",
                        "The position of the first match of regexp in str, or 0 when there is none",
                        "regexp_instr('order 66', '[0-9]+')", "7")
                .add("format_number", "format_number(expr1, expr2)",
                        "A number with grouped thousands and expr2 decimal places (halves to even), or in the "
                                + "DecimalFormat pattern expr2", "format_number(1234567.891, 2)", "1,234,567.89")
                .add("format_string printf", "format_string(strfmt, obj, ...)",
                        "Text made from a printf-style pattern (Java's Formatter, US locale)",
                        "format_string('%s has %03d items', 'cart', 7)", "cart has 007 items")
                .add("to_binary", "to_binary(str[, fmt])",
                        "The bytes written by str in fmt: hex (the default), utf-8 or base64; malformed text is an "
                                + "error", "to_binary('537061726B', 'hex')", "[53 70 61 72 6B]")
                .add("try_to_binary", "try_to_binary(str[, fmt])",
                        "to_binary, or NULL for malformed text or an unknown format", "try_to_binary('xyz', 'hex')",
                        "NULL")
                .add("sentences", "sentences(str[, lang[, country]])",
                        "The sentences of str, each as an array of its words", "sentences('Hi there! Bye now.')",
                        "[[Hi, there], [Bye, now]]")
                .add("collation", "collation(expr)", "The collation of a string: always UTF8_BINARY in Sluice",
                        "collation('a')", "SYSTEM.BUILTIN.UTF8_BINARY")
                .add("collate", "collate(expr, collationName)",
                        "The string with a collation; Sluice has only UTF8_BINARY, byte by byte",
                        "collate('a', 'UTF8_BINARY')", "a")
                .add("randstr", "randstr(length[, seed])",
                        "A random string of letters and digits, seeded as rand", "randstr(5, 0)", "ceV0P")
                .add("to_number", "to_number(expr, fmt)",
                        "The DECIMAL read from text by a number format of 0 9 . D , G $ S MI PR; text that does not "
                                + "match is an error", "to_number('$1,234.50', '$9,999.99')", "1234.50")
                .add("try_to_number", "try_to_number(expr, fmt)", "to_number, or NULL for text that does not match",
                        "try_to_number('12x', '999')", "NULL")
                .add("to_char to_varchar", "to_char(expr, format)",
                        "A number written by a number format (as to_number reads), a date or timestamp by a datetime "
                                + "pattern, or a binary as 'base64', 'hex' or 'utf-8'", "to_char(-12.5, '99.99PR')",
                        "<12.50>")
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
                .add("ascii", "ascii(str)", "The code point of the first character of str, 0 for an empty string",
                        "ascii('Åb')", "197")
                .add("chr char", "chr(expr)",
                        "The character whose code is expr modulo 256; the empty string for a negative expr",
                        "chr(321)", "A")
                .add("space", "space(n)", "A string of n spaces", "concat('[', space(3), ']')", "[   ]")
                .add("repeat", "repeat(str, n)", "str repeated n times", "repeat('ab', 3)", "ababab")
                .add("replace", "replace(str, search[, replace])",
                        "str with every search replaced by replace (removed when there is no replace)",
                        "replace('a-b-c', '-', '+')", "a+b+c")
                .add("translate", "translate(input, from, to)",
                        "input with each character of from replaced by the one at the same place in to, or removed "
                                + "when to is shorter", "translate('AaBbCc', 'abc', '12')", "A1B2C")
                .add("left", "left(str, len)", "The first len characters (or bytes) of str", "left('Sluice', 3)",
                        "Slu")
                .add("right", "right(str, len)", "The last len characters of str", "right('Sluice', 3)", "ice")
                .add("locate", "locate(substr, str[, pos])",
                        "The position of the first substr in str at or after pos (1 by default), or 0",
                        "locate('a', 'banana', 3)", "4")
                .add("position", "position(substr, str[, pos]); position(substr IN str)",
                        "The position of the first substr in str at or after pos (1 by default), or 0",
                        "position('an' IN 'banana')", "2")
                .add("overlay",
                        "overlay(input, replace, pos[, len]); overlay(input PLACING replace FROM pos [FOR len])",
                        "input with len characters (the length of replace by default) from pos replaced by replace",
                        "overlay('Spark SQL' PLACING 'ANSI ' FROM 7 FOR 0)", "Spark ANSI SQL")
                .add("split_part", "split_part(str, delimiter, partNum)",
                        "The partNum-th piece (negative: from the end) of str split at delimiter, or '' past the end",
                        "split_part('a.b.c', '.', -1)", "c")
                .add("substring_index", "substring_index(str, delim, count)",
                        "str before the count-th delim from the left, or after the count-th from the right when count "
                                + "is negative", "substring_index('www.example.com', '.', -2)", "example.com")
                .add("btrim", "btrim(str[, trimStr])",
                        "str without the leading and trailing characters of trimStr (spaces by default)",
                        "btrim('xxSluicexx', 'x')", "Sluice")
                .add("startswith", "startswith(left, right)", "Whether left begins with right (strings or binaries)",
                        "startswith('Sluice', 'Sl')", "true")
                .add("endswith", "endswith(left, right)", "Whether left ends with right (strings or binaries)",
                        "endswith('Sluice', 'ice')", "true")
                .add("contains", "contains(left, right)", "Whether right occurs in left (strings or binaries)",
                        "contains('Sluice', 'uic')", "true")
                .add("find_in_set", "find_in_set(str, str_array)",
                        "The position of str in a comma-separated list, or 0 (also when str has a comma)",
                        "find_in_set('b', 'a,b,c')", "2")
                .add("elt", "elt(n, input1, input2, ...)", "The n-th input; an n out of range is an error",
                        "elt(2, 'a', 'b', 'c')", "b")
                .add("soundex", "soundex(str)", "The four-character Soundex code of an English word",
                        "soundex('Robert')", "R163")
                .add("levenshtein", "levenshtein(str1, str2[, threshold])",
                        "The edit distance between two strings; -1 when it is above threshold",
                        "levenshtein('kitten', 'sitting')", "3")
                .add("quote", "quote(str)", "str in single quotes, with a backslash before each quote inside",
                        "quote('it''s')", "'it\\'s'")
                .add("mask", "mask(input[, upperChar, lowerChar, digitChar, otherChar])",
                        "input with upper-case letters as X, lower-case as x and digits as n (or the given "
                                + "characters; NULL keeps them)", "mask('Ab-12')", "Xx-nn")
                .add("luhn_check", "luhn_check(str)", "Whether a string of digits passes the Luhn checksum",
                        "luhn_check('79927398713')", "true")
                .add("is_valid_utf8", "is_valid_utf8(str)",
                        "Whether str is valid UTF-8; always true in Sluice, whose strings are decoded text",
                        "is_valid_utf8('Sluice')", "true")
                .add("make_valid_utf8", "make_valid_utf8(str)", "str, with invalid UTF-8 replaced by U+FFFD",
                        "make_valid_utf8('Sluice')", "Sluice")
                .add("validate_utf8", "validate_utf8(str)", "str, or an error when it is not valid UTF-8",
                        "validate_utf8('Sluice')", "Sluice")
                .add("try_validate_utf8", "try_validate_utf8(str)", "str, or NULL when it is not valid UTF-8",
                        "try_validate_utf8('Sluice')", "Sluice")
                .functions();
    }
}
