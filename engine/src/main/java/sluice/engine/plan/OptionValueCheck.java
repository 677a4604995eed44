package sluice.engine.plan;

import java.util.List;
import java.util.Locale;
import sluice.engine.diag.ErrorCode;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.pipeline.DurationText;
import sluice.engine.pipeline.OptionSpec;
import sluice.engine.pipeline.OptionValue;

/** Checks an option value against its declared kind before any factory runs, so every bad value is reported. */
final class OptionValueCheck {
    private OptionValueCheck() {
    }

    static void check(String nodeId, OptionSpec option, OptionValue value, List<Problem> problems) {
        Position where = Position.option(nodeId, option.name());
        if (option.isList()) {
            return;
        }
        if (!(value instanceof OptionValue.Text text)) {
            problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, where, "'%s' takes one string, not an array",
                    option.name()));
            return;
        }
        String raw = text.value().trim();
        switch (option.kind()) {
            case INTEGER -> {
                try {
                    Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, where,
                            "'%s' must be a whole number, not '%s'", option.name(), text.value()));
                }
            }
            case BOOLEAN -> {
                String lower = raw.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, where,
                            "'%s' must be 'true' or 'false', not '%s'", option.name(), text.value()));
                }
            }
            case DURATION -> {
                if (DurationText.parse(raw).isEmpty()) {
                    problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, where, "'%s' must be %s, not '%s'",
                            option.name(), DurationText.requirement(raw), text.value()));
                }
            }
            case DELAY -> {
                if (DurationText.parseDelay(raw).isEmpty()) {
                    problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, where, "'%s' must be %s, not '%s'",
                            option.name(), DurationText.delayRequirement(raw), text.value()));
                }
            }
            case CHOICE -> {
                if (option.choices().stream().noneMatch(c -> c.equalsIgnoreCase(raw))) {
                    problems.add(Problem.of(ErrorCode.BAD_OPTION_VALUE, where, "'%s' must be one of %s, not '%s'",
                            option.name(), String.join(", ", option.choices()), text.value()));
                }
            }
            case STRING, SCHEMA, EXPRESSION, EXPRESSION_LIST, AGGREGATION_LIST, STRING_LIST, PATH -> {
                // Schemas and expressions are checked by the factory, which knows the input schema.
            }
        }
    }
}
