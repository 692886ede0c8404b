package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps in Chinese: for every label key of the English file that the Camunda webjar on the classpath
 * ships, the team's {@code zh.json} has a Chinese value with the same placeholders and HTML tags; so a Camunda upgrade
 * that adds a key fails here until it is translated. Each app's config.js offers {@code zh} (and keeps {@code en}).
 */
class WebappLocalesTest {

    static final String APP = "META-INF/resources/webjars/camunda/app/";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%s|\\{\\d+}");
    static final Pattern TAG = Pattern.compile("</?(?:a|b|br|code|div|em|i|li|ol|p|pre|small|span|strong|ul)\\b[^>]*>");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final Pattern LETTERS = Pattern.compile("[A-Za-z]{2,}");
    /** Values that stay as they are in Chinese too: product names, codes, literals the apps show as such. */
    static final Pattern KEPT = Pattern.compile(
            "Camunda|Optimize|ID\\*?|null|<null>|<undefined>|JSON|XML|BPMN|DMN|CMMN|FEEL|REST|API|URL|CSV|[YMDTHhms:-]+|[^A-Za-z]*");

    static JsonNode read(String path) throws IOException {
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ObjectMapper().readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelHasAChineseValueWithTheSamePlaceholders(String app) throws IOException {
        JsonNode english = read(APP + app + "/locales/en.json");
        JsonNode chinese = read(APP + app + "/locales/zh.json");
        Map<String, String> problems = new TreeMap<>();
        english.path("labels").fields().forEachRemaining(e -> {
            String key = e.getKey();
            String en = e.getValue().asText();
            JsonNode zh = chinese.path("labels").get(key);
            // Chinese has no plural ending: the English suffix "s" appended to a count's noun is empty in Chinese
            if (zh == null || (zh.asText().isBlank() && !en.isBlank() && !en.equals("s"))) {
                problems.put(key, "missing");
            } else if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, zh.asText()))) {
                problems.put(key, "placeholders " + all(PLACEHOLDER, en) + " ≠ " + all(PLACEHOLDER, zh.asText()));
            } else if (!all(TAG, en).equals(all(TAG, zh.asText()))) {
                problems.put(key, "tags differ");
            } else if (LETTERS.matcher(en).find() && !HAN.matcher(zh.asText()).find() && !KEPT.matcher(zh.asText().strip()).matches()) {
                problems.put(key, "not Chinese: " + zh.asText());
            }
        });
        assertThat(problems).as(app + ": %d of %d labels", problems.size(), english.path("labels").size()).isEmpty();
        if (english.has("dateLocales")) {
            JsonNode dates = chinese.path("dateLocales");
            assertThat(dates.path("months").get(0).asText()).isEqualTo("一月");
            assertThat(dates.path("weekdays").size()).isEqualTo(7);
            assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("YYYY-MM-DD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachAppOffersChineseAndKeepsEnglishAndHidesTheEndOfLifeBanner(String app) throws IOException {
        String config;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(APP + app + "/scripts/config.js")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'")
                .contains("江苏省科技企业孵化载体管理平台");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(APP + app + "/styles/user-styles.css")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(".ce-eol-banner").contains("display: none");
        }
    }
}
