package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notice templates: each kind has a Chinese subject and body, every placeholder is filled; the outbox's back-off. */
class TemplatesTest {

    final Templates templates = new Templates();

    @Test
    void everyKindRendersWithoutALeftoverPlaceholder() {
        for (NoticeKind kind : NoticeKind.values()) {
            Templates.Rendered r = templates.render(kind, Map.of("subject", "南京测试孵化器", "taskName", "现场核查"));
            assertThat(r.subject()).as(kind.name()).isNotBlank().doesNotContain("${").containsPattern("\\p{IsHan}");
            assertThat(r.body()).as(kind.name()).isNotBlank().doesNotContain("${");
        }
        assertThat(templates.render(NoticeKind.TASK_ARRIVED, Map.of("subject", "南京测试孵化器", "taskName", "现场核查")).subject())
                .isEqualTo("【待办】现场核查：南京测试孵化器");
    }

    @Test
    void fillingReplacesNamesAndLeavesNothingForAMissingOne() {
        assertThat(Templates.fill("${a}与${b}，${c}", Map.of("a", "甲", "b", "$1\\"))).isEqualTo("甲与$1\\，");
    }

    @Test
    void retriesBackOffByDoublingUpToTheMaximum() {
        cn.parkflow.system.ParkflowProperties.Notify notify = new cn.parkflow.system.ParkflowProperties.Notify(
                Duration.ofDays(2), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), "x <x@y>");
        cn.parkflow.system.ParkflowProperties properties = new cn.parkflow.system.ParkflowProperties(null, Duration.ofDays(7),
                Duration.ofDays(15), null, null, null, null, java.time.Period.ofYears(2), java.time.Period.ofMonths(3), null, null, notify);
        OutboxSender sender = new OutboxSender(null, null, null, properties, java.time.Clock.systemUTC());
        assertThat(sender.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.retryDelay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(sender.retryDelay(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(sender.retryDelay(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(sender.retryDelay(50)).isEqualTo(Duration.ofMinutes(5));
    }
}
