package cn.parkflow.certification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/** Reads the {@code experts} variable however it arrived: a list, JSON from a Camunda Form, or "a, b, c". */
final class ExpertNames {

    private ExpertNames() {}

    static List<String> of(Object value) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> add(names, String.valueOf(v)));
        } else if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> add(names, e.isString() ? e.stringValue() : e.toString()));
        } else if (value instanceof String text) {
            for (String part : text.split("[,，;；\\s]+")) {
                add(names, part);
            }
        }
        return new ArrayList<>(names);
    }

    private static void add(LinkedHashSet<String> names, String name) {
        String n = name.strip();
        if (!n.isEmpty()) {
            names.add(n);
        }
    }
}
