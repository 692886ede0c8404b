package cn.parkflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each capability owns its tables: SQL in a capability's code (and its Spring Data rows) names only
 * that capability's tables, others are read through the owner's public service; and only the
 * {@code workflow} package names the engine's own tables ({@code ACT_*}). Every table the migrations
 * create has an owner here, so a new table must be claimed by one.
 */
class TableOwnershipTest {

    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("carrier", "registry"), Map.entry("carrier_industry", "registry"), Map.entry("carrier_title", "registry"),
            Map.entry("certification", "registry"), Map.entry("certification_sequence", "registry"),
            Map.entry("evaluation", "registry"), Map.entry("audit_event", "registry"),
            Map.entry("application", "application"), Map.entry("application_event", "application"), Map.entry("expert_review", "application"), Map.entry("fraud_finding", "application"), Map.entry("site_check", "application"), Map.entry("carrier_change", "change"),
            Map.entry("evidence_document", "document"),
            Map.entry("objection", "publication"),
            Map.entry("notification", "notification"), Map.entry("notification_outbox", "notification"),
            Map.entry("benchmark_campaign", "benchmark"), Map.entry("benchmark_city_quota", "benchmark"),
            Map.entry("benchmark_application", "benchmark"), Map.entry("benchmark_score", "benchmark"),
            Map.entry("benchmark_change", "benchmark"),
            Map.entry("annual_report", "evaluation"), Map.entry("evaluation_run", "evaluation"),
            Map.entry("evaluation_result", "evaluation"),
            Map.entry("tenant_roster", "tenant"), Map.entry("tenant_entry", "tenant"), Map.entry("tenant_duplicate_review", "tenant"),
            Map.entry("operator_registration", "accounts"),
            Map.entry("expert", "accounts"),
            Map.entry("expert_industry", "accounts"),
            Map.entry("expert_conflict", "accounts"),
            Map.entry("account_event", "identity"), Map.entry("spring_session", "identity"),
            Map.entry("spring_session_attributes", "identity"));

    private static final Path MAIN = Path.of("src/main/java/cn/parkflow");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern SQL_TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_]+)");
    private static final Pattern ROW_TABLE = Pattern.compile("@Table\\(\"([a-zA-Z_]+)\"\\)");

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
        Set<String> created = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher m = Pattern.compile("(?i)CREATE TABLE\\s+([a-z_]+)").matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        created.removeAll(Set.of("application_document", "benchmark_document", "benchmark_objection")); // merged by V10
        created.add("evidence_document");
        assertThat(OWNER.keySet()).containsAll(created);
    }

    @Test
    void capabilitiesNameOnlyTheirOwnTables() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String capability = MAIN.relativize(file).getName(0).toString();
                if (capability.endsWith(".java")) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher rows = ROW_TABLE.matcher(source);
                while (rows.find()) {
                    check(file, capability, rows.group(1).toLowerCase(), violations);
                }
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    if (text.contains("ACT_") && !capability.equals("workflow")) {
                        violations.add(MAIN.relativize(file) + " names the engine's tables: " + text.strip());
                    }
                    Matcher table = SQL_TABLE.matcher(text);
                    while (table.find()) {
                        check(file, capability, table.group(1).toLowerCase(), violations);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void check(Path file, String capability, String table, List<String> violations) {
        String owner = OWNER.get(table);
        if (owner != null && !owner.equals(capability)) {
            violations.add(MAIN.relativize(file) + " (" + capability + ") uses " + owner + "'s table " + table);
        }
    }
}
