package cn.parkflow.registry;

import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** What the Tasklist forms render: markdown with user text made inert, and option lists for selects. */
public final class FormText {

    private FormText() {}

    /** Text from operators, reviewers or the public, made inert inside the markdown the forms render. */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_{}[]()<>#+-.!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Indicators as a two-column markdown table, labelled in Chinese. */
    public static String indicatorTable(Map<String, ?> indicators) {
        StringBuilder table = new StringBuilder("| 指标 | 数值 |\n|---|---|\n");
        indicators.forEach((code, value) -> table.append("| ")
                .append(Indicator.find(code).map(Indicator::label).orElse(markdown(code)))
                .append(" | ").append(value instanceof Boolean b ? (b ? "是" : "否") : markdown(String.valueOf(value))).append(" |\n"));
        return table.toString();
    }

    /**
     * Text that may exceed the 4,000 characters of a string variable (a ranking of a hundred
     * carriers): kept as a JSON string, which Tasklist parses before the form renders it.
     */
    public static JsonValue longText(String text) {
        return SpinValues.jsonValue("\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)) + "\"").create();
    }

    /** One entry of a select's or taglist's options. */
    public record Option(String value, String label) {}

    /** Options as the JSON variable a form's {@code valuesKey} reads. */
    public static JsonValue options(List<Option> options) {
        String json = Spin.JSON(options.stream().map(o -> Map.of("value", o.value(), "label", o.label())).toList()).toString();
        return SpinValues.jsonValue(json).create();
    }
}
