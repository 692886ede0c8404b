package cn.parkflow.notification;

import cn.parkflow.identity.Roles;
import cn.parkflow.system.ParkflowProperties;
import cn.parkflow.workflow.Directory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Notices to users. Each goes into the recipient's inbox (消息中心) and, in the same transaction as the business step
 * that causes it, into the outbox for every channel that reaches the recipient: e-mail when a mail relay is configured
 * ({@code spring.mail.host}) and the account has an address, SMS for the kinds that warrant it when it has a mobile.
 * {@link OutboxSender} delivers the outbox later; nothing here talks to a mail server.
 */
@Service
public class Notifications {

    /** Dates and times in notices, Beijing time. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(cn.parkflow.system.WorkingCalendar.ZONE);

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final Templates templates;
    private final ObjectProvider<JavaMailSender> mail;
    private final ParkflowProperties properties;
    private final Clock clock;

    Notifications(NamedParameterJdbcTemplate jdbc, Directory directory, Templates templates, ObjectProvider<JavaMailSender> mail,
            ParkflowProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.templates = templates;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends {@code kind} to each of {@code userIds} (each once, unknown accounts skipped), filled with {@code values};
     * {@code link} is a path of this service ({@code /portal/...}, {@code /camunda/...}), made absolute in mail.
     * Returns how many users were notified.
     */
    public int send(Collection<String> userIds, NoticeKind kind, Map<String, String> values, String link) {
        Map<String, String> filled = new LinkedHashMap<>(values);
        filled.put("link", link == null ? "" : properties.publicLink(link));
        filled.put("platform", "江苏省科技企业孵化载体管理平台");
        Templates.Rendered text = templates.render(kind, filled);
        Instant now = clock.instant();
        int sent = 0;
        for (String userId : new LinkedHashSet<>(userIds)) {
            Optional<Directory.Person> person = userId == null ? Optional.empty() : directory.user(userId);
            if (person.isEmpty()) {
                continue;
            }
            long id = insertNotification(userId, kind, text, link, now);
            String email = person.get().email();
            if (OutboxSender.relay(mail) != null && email != null && !email.isBlank()) {
                insertOutbox(id, Channel.EMAIL, email.strip(), now);
            }
            if (kind.sms()) {
                directory.info(userId, Roles.INFO_MOBILE).filter(m -> !m.isBlank())
                        .ifPresent(mobile -> insertOutbox(id, Channel.SMS, mobile.strip(), now));
            }
            sent++;
        }
        return sent;
    }

    /** The members of the groups, by user id. */
    public Collection<String> membersOf(Collection<String> groups) {
        LinkedHashSet<String> users = new LinkedHashSet<>();
        for (String group : groups) {
            directory.members(group).forEach(p -> users.add(p.id()));
        }
        return users;
    }

    private long insertNotification(String userId, NoticeKind kind, Templates.Rendered text, String link, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO notification (recipient, kind, subject, body, link, created_at)"
                + " VALUES (:recipient, :kind, :subject, :body, :link, :now)", new MapSqlParameterSource()
                .addValue("recipient", userId).addValue("kind", kind.name())
                .addValue("subject", clip(text.subject(), 300)).addValue("body", clip(text.body(), 4000))
                .addValue("link", link).addValue("now", Timestamp.from(now)), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    private void insertOutbox(long notificationId, Channel channel, String address, Instant now) {
        jdbc.update("INSERT INTO notification_outbox (notification_id, channel, address, status, attempts, next_attempt_at)"
                + " VALUES (:n, :channel, :address, 'PENDING', 0, :now)", new MapSqlParameterSource()
                .addValue("n", notificationId).addValue("channel", channel.name()).addValue("address", address)
                .addValue("now", Timestamp.from(now)));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    enum Channel { EMAIL, SMS }
}
