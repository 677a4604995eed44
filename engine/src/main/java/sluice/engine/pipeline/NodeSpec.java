package sluice.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One node of a pipeline: id, kind name, the ids of its inputs in order, canvas position, and option values. */
public record NodeSpec(String id, String type, List<String> inputs, double x, double y,
                       Map<String, OptionValue> options) {
    public NodeSpec {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        inputs = List.copyOf(inputs);
        // Options keep the order of the file, so writing a pipeline back gives the same text.
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public Optional<OptionValue> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public NodeSpec withOption(String name, OptionValue value) {
        Map<String, OptionValue> changed = new LinkedHashMap<>(options);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new NodeSpec(id, type, inputs, x, y, changed);
    }

    public NodeSpec withInputs(List<String> newInputs) {
        return new NodeSpec(id, type, newInputs, x, y, options);
    }

    public NodeSpec at(double newX, double newY) {
        return new NodeSpec(id, type, inputs, newX, newY, options);
    }
}
