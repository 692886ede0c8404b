package cn.parkflow.notification;

import cn.parkflow.system.ParkflowProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox, every {@code parkflow.notify.poll}, on its own thread: each due row is claimed with a lease
 * (so that two nodes never send one row at once), sent, and marked SENT. A failed delivery stays PENDING and is tried
 * again after {@code retry-delay}, doubling up to {@code max-retry-delay}, for as long as it takes; only an address
 * the relay refuses for good is marked FAILED. A node that dies after sending but before marking sends that row once
 * more when its lease ends; the message keeps its Message-ID, so a mail client can tell.
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final SmsGateway sms;
    private final ParkflowProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;

    OutboxSender(NamedParameterJdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, SmsGateway sms,
            ParkflowProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.sms = sms;
        this.properties = properties;
        this.clock = clock;
    }

    private record Row(long id, long notificationId, String channel, String address, int attempts, String subject,
            String body, String link) {}

    /** The mail relay, if one is configured: {@code spring.mail.host} set and not blank (compose passes it empty). */
    static JavaMailSender relay(ObjectProvider<JavaMailSender> mail) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            return null;
        }
        return sender;
    }

    /** Sends every row that is due now; returns how many went out. */
    int deliverDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("SELECT id FROM notification_outbox WHERE (status = 'PENDING' AND next_attempt_at <= :now)"
                + " OR (status = 'SENDING' AND claimed_until < :now) ORDER BY id LIMIT " + BATCH,
                new MapSqlParameterSource("now", Timestamp.from(now)), Long.class);
        int sent = 0;
        for (long id : due) {
            if (claim(id, now) && deliver(load(id))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(long id, Instant now) {
        return jdbc.update("UPDATE notification_outbox SET status = 'SENDING', claimed_until = :until WHERE id = :id"
                + " AND ((status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now))",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now))
                        .addValue("until", Timestamp.from(now.plus(LEASE)))) == 1;
    }

    private Row load(long id) {
        return jdbc.queryForObject("SELECT o.id, o.notification_id, o.channel, o.address, o.attempts, n.subject, n.body, n.link"
                + " FROM notification_outbox o JOIN notification n ON n.id = o.notification_id WHERE o.id = :id",
                new MapSqlParameterSource("id", id), (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    private boolean deliver(Row row) {
        try {
            if (Notifications.Channel.SMS.name().equals(row.channel())) {
                sms.send(row.address(), row.subject());
            } else {
                sendMail(row);
            }
            jdbc.update("UPDATE notification_outbox SET status = 'SENT', sent_at = :now, attempts = attempts + 1,"
                    + " claimed_until = NULL, last_error = NULL WHERE id = :id",
                    new MapSqlParameterSource("id", row.id()).addValue("now", Timestamp.from(clock.instant())));
            return true;
        } catch (RuntimeException | MessagingException e) {
            boolean permanent = permanent(e);
            Duration delay = retryDelay(row.attempts() + 1);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            jdbc.update("UPDATE notification_outbox SET status = :status, attempts = attempts + 1, next_attempt_at = :next,"
                    + " claimed_until = NULL, last_error = :error WHERE id = :id", new MapSqlParameterSource("id", row.id())
                    .addValue("status", permanent ? "FAILED" : "PENDING")
                    .addValue("next", Timestamp.from(clock.instant().plus(delay)))
                    .addValue("error", error.length() > 1000 ? error.substring(0, 1000) : error));
            if (permanent) {
                log.warn("notice {} to {} refused for good: {}", row.notificationId(), row.address(), error);
            } else {
                log.warn("notice {} ({}) not delivered (attempt {}), next try in {}: {}", row.notificationId(), row.channel(),
                        row.attempts() + 1, delay, error);
            }
            return false;
        }
    }

    /** The delay before attempt {@code attempts} + 1: retry-delay, doubled per failure, at most max-retry-delay. */
    Duration retryDelay(int attempts) {
        Duration max = properties.notifications().maxRetryDelay();
        Duration delay = properties.notifications().retryDelay();
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof jakarta.mail.internet.AddressException) {
                return true;
            }
        }
        return false;
    }

    private void sendMail(Row row) throws MessagingException {
        JavaMailSender sender = relay(mail);
        if (sender == null) {
            throw new IllegalStateException("no mail relay configured (spring.mail.host)");
        }
        String messageId = "<notice-" + row.notificationId() + "-" + row.id() + "@parkflow>";
        MimeMessage message = sender instanceof JavaMailSenderImpl impl ? new FixedIdMessage(impl.getSession(), messageId)
                : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(properties.notifications().from(), true));
        helper.setTo(new InternetAddress(row.address(), true));
        helper.setSubject(row.subject());
        helper.setText(row.body());
        helper.setSentDate(java.util.Date.from(clock.instant()));
        sender.send(message);
    }

    /** A message whose Message-ID is the outbox row's, however often it is sent. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    // --- lifecycle: one thread polls while the application runs ---

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-outbox");
            t.setDaemon(true);
            return t;
        });
        long poll = properties.notifications().poll().toMillis();
        executor.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        log.info("notification outbox: polled every {}, mail {}", properties.notifications().poll(),
                relay(mail) == null ? "off (no spring.mail.host: inbox only)" : "on");
    }

    private void poll() {
        try {
            int sent = deliverDue();
            if (sent > 0) {
                log.debug("{} notices delivered", sent);
            }
        } catch (RuntimeException e) { // the database may be away; the next poll tries again
            log.warn("notification outbox not polled: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10; // stops before the data source
    }
}
