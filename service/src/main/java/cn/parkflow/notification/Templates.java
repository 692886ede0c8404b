package cn.parkflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese notice templates, read once from {@code notifications/*.txt}: the first line is the subject, the body
 * follows a blank line; {@code ${name}} is replaced by the value of that name (empty when it has none). A template
 * that is missing or names no subject stops the start-up.
 */
@Component
class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    record Rendered(String subject, String body) {}

    private record Template(String subject, String body) {}

    private final Map<NoticeKind, Template> templates = new EnumMap<>(NoticeKind.class);

    Templates() {
        for (NoticeKind kind : NoticeKind.values()) {
            String text = read("notifications/" + kind.template() + ".txt").replace("\r\n", "\n");
            int end = text.indexOf("\n\n");
            if (end <= 0) {
                throw new IllegalStateException("notifications/" + kind.template() + ".txt: subject line, blank line, body");
            }
            templates.put(kind, new Template(text.substring(0, end).strip(), text.substring(end + 2).stripTrailing()));
        }
    }

    Rendered render(NoticeKind kind, Map<String, String> values) {
        Template t = templates.get(kind);
        return new Rendered(fill(t.subject(), values), fill(t.body(), values));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("notice template " + path, e);
        }
    }
}
