package sluice.engine.expr.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import sluice.engine.diag.ErrorCode;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.lex.Span;

/**
 * Spark 4's named arguments ({@code mask(str => s, digitChar => '#')}), put in their places as Spark's
 * {@code NamedParametersSupport} puts them, so the rest of Sluice sees a plain call. Only the scalar functions and
 * generators Spark publishes a signature for take them: mask, and explode, explode_outer, posexplode and
 * posexplode_outer; any other refuses them (NAMED_PARAMETERS_NOT_SUPPORTED). Stateless.
 */
final class NamedArguments {
    /** One argument's name as written, or null for a positional one. */
    record Name(String text, Span span) {}

    /** A parameter of a signature and the text of its default, or null when it must be given. */
    private record Parameter(String name, Ast.LiteralKind defaultKind, String defaultText) {
        boolean isRequired() {
            return defaultKind == null;
        }
    }

    private static final List<Parameter> COLLECTION = List.of(new Parameter("collection", null, null));
    private static final Map<String, List<Parameter>> SIGNATURES = new TreeMap<>(Map.of(
            "mask", List.of(new Parameter("str", null, null),
                    new Parameter("upperChar", Ast.LiteralKind.STRING, "X"),
                    new Parameter("lowerChar", Ast.LiteralKind.STRING, "x"),
                    new Parameter("digitChar", Ast.LiteralKind.STRING, "n"),
                    new Parameter("otherChar", Ast.LiteralKind.NULL, "NULL")),
            "explode", COLLECTION, "explode_outer", COLLECTION, "posexplode", COLLECTION,
            "posexplode_outer", COLLECTION));

    private NamedArguments() {
    }

    /**
     * The arguments of {@code function} in the order of its parameters: the positional ones first, then each named
     * one in its parameter's place, and a parameter skipped before the last one given takes its default.
     */
    static List<Ast> placed(String function, List<Ast> args, List<Name> names, SourceText source) {
        String routine = function.toLowerCase(Locale.ROOT);
        List<Parameter> signature = SIGNATURES.get(routine);
        Name first = names.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        if (signature == null) {
            throw source.error(ErrorCode.WRONG_ARGUMENTS, first.span(), "[NAMED_PARAMETERS_NOT_SUPPORTED] named "
                    + "parameters are not supported for function '%s'; please retry the query with positional "
                    + "arguments to the function call instead", routine);
        }
        Ast[] placed = new Ast[signature.size()];
        int positional = 0;
        Name lastNamed = null;
        for (int i = 0; i < args.size(); i++) {
            Name name = names.get(i);
            if (name == null) {
                if (lastNamed != null) {
                    throw source.error(ErrorCode.WRONG_ARGUMENTS, args.get(i).span(), "[UNEXPECTED_POSITIONAL_ARGUMENT]"
                            + " cannot invoke routine '%s' because it contains positional argument(s) following the "
                            + "named argument assigned to '%s'; please rearrange them so the positional arguments "
                            + "come first and then retry the query again", routine, lastNamed.text());
                }
                if (positional == placed.length) {
                    throw source.error(ErrorCode.WRONG_ARGUMENTS, args.get(i).span(),
                            "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] '%s' takes at most %d argument%s", routine,
                            placed.length, placed.length == 1 ? "" : "s");
                }
                placed[positional++] = args.get(i);
                continue;
            }
            lastNamed = name;
            int index = indexOf(signature, name.text());
            if (index < 0) {
                throw source.error(ErrorCode.WRONG_ARGUMENTS, name.span(), "[UNRECOGNIZED_PARAMETER_NAME] cannot "
                        + "invoke routine '%s' because the routine call included a named argument reference for the "
                        + "argument named '%s', but this routine does not include any signature containing an "
                        + "argument with this name; its parameters are %s", routine, name.text(),
                        String.join(", ", signature.stream().map(Parameter::name).toList()));
            }
            if (placed[index] != null) {
                String kind = index < positional ? "BOTH_POSITIONAL_AND_NAMED" : "DOUBLE_NAMED_ARGUMENT_REFERENCE";
                throw source.error(ErrorCode.WRONG_ARGUMENTS, name.span(), "[DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.%s]"
                        + " call to routine '%s' is invalid because it includes multiple argument assignments to the "
                        + "same parameter name '%s'", kind, routine, name.text());
            }
            placed[index] = args.get(i);
        }
        int last = placed.length - 1;
        while (last >= 0 && placed[last] == null) {
            last--;
        }
        List<Ast> result = new ArrayList<>(Arrays.asList(placed).subList(0, last + 1));
        for (int i = 0; i < signature.size(); i++) {
            Parameter parameter = signature.get(i);
            if (i < result.size() && result.get(i) != null) {
                continue;
            }
            if (parameter.isRequired()) {
                throw source.error(ErrorCode.WRONG_ARGUMENTS, first.span(), "[REQUIRED_PARAMETER_NOT_FOUND] cannot "
                        + "invoke routine '%s' because the parameter named '%s' is required, but the routine call "
                        + "did not supply a value; please update the routine call to supply an argument value "
                        + "(either positionally at index %d or by name) and retry the query again", routine,
                        parameter.name(), i);
            }
            if (i < result.size()) {
                result.set(i, new Ast.Literal(parameter.defaultKind(), parameter.defaultText(), first.span()));
            }
        }
        return result;
    }

    private static int indexOf(List<Parameter> signature, String name) {
        for (int i = 0; i < signature.size(); i++) {
            if (signature.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
