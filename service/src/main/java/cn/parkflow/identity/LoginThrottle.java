package cn.parkflow.identity;

import cn.parkflow.workflow.LoginPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * parkflow's login policy ({@link LoginPolicy}): {@code parkflow.security.max-failed-logins}
 * consecutive failures lock an account for {@code parkflow.security.lock-duration}; a client address
 * with {@code address-max-failures} failures within {@code address-window} is refused until the
 * oldest of them leaves the window, without its attempts counting against any account (so one
 * anonymous client locks out at most a few accounts, and each only for a while). Failed logins,
 * interactive logins, lockouts and unlocks are written to the account audit trail with the client
 * address. The reason of a refusal is left on the request for the API's 401 answer.
 */
@Component
@EnableConfigurationProperties(LoginThrottle.Settings.class)
public class LoginThrottle implements LoginPolicy {

    /** Request attribute holding the Chinese reason a login was refused (locked until …, too many attempts). */
    public static final String REFUSAL = LoginThrottle.class.getName() + ".refusal";

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ConfigurationProperties("parkflow.security")
    public record Settings(
            @DefaultValue("5") int maxFailedLogins,
            @DefaultValue("PT15M") Duration lockDuration,
            @DefaultValue("10") int addressMaxFailures,
            @DefaultValue("PT15M") Duration addressWindow) {}

    private final Settings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, JdbcTemplate jdbc, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int maxFailures() {
        return settings.maxFailedLogins();
    }

    @Override
    public Duration lockDuration() {
        return settings.lockDuration();
    }

    @Override
    public Optional<String> throttled(String userId) {
        String address = address();
        Deque<Instant> failures = failuresByAddress.get(address);
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            prune(failures);
            if (failures.size() < settings.addressMaxFailures()) {
                return Optional.empty();
            }
            Instant until = failures.peekFirst().plus(settings.addressWindow());
            String reason = "登录失败次数过多，请于 " + UNTIL.format(until.atZone(clock.getZone())) + " 后再试";
            refuse(reason);
            audit(userId, "LOGIN_THROTTLED", address, reason);
            return Optional.of(reason);
        }
    }

    @Override
    public void checked(String userId, boolean known, boolean success, Instant lockedUntil) {
        String address = address();
        if (success) {
            if (interactive()) {
                audit(userId, "LOGIN_SUCCEEDED", address, null);
            }
            return;
        }
        Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (failures) {
            prune(failures);
            failures.addLast(clock.instant());
        }
        if (lockedUntil != null) {
            String reason = "账号已锁定，请于 " + UNTIL.format(lockedUntil.atZone(clock.getZone())) + " 后再试，或请省科技厅、管理员解锁";
            refuse(reason);
            audit(userId, "ACCOUNT_LOCKED", address, "锁定至 " + lockedUntil);
        } else {
            audit(userId, known ? "LOGIN_FAILED" : "LOGIN_FAILED_UNKNOWN_USER", address, null);
        }
    }

    @Override
    public void unlocked(String userId, String actor) {
        audit(userId, "ACCOUNT_UNLOCKED", actor, address(), null);
    }

    /** An account change, for the audit trail: who did what to which account, from where. */
    public void accountChanged(String userId, String action, String actor, String detail) {
        audit(userId, action, actor, address(), detail);
    }

    private void prune(Deque<Instant> failures) {
        Instant horizon = clock.instant().minus(settings.addressWindow());
        while (!failures.isEmpty() && failures.peekFirst().isBefore(horizon)) {
            failures.pollFirst();
        }
    }

    private void audit(String userId, String action, String address, String detail) {
        audit(userId, action, userId, address, detail);
    }

    private void audit(String userId, String action, String actor, String address, String detail) {
        jdbc.update("INSERT INTO account_event (at, user_id, action, actor, address, detail) VALUES (?, ?, ?, ?, ?, ?)",
                java.sql.Timestamp.from(clock.instant()), clip(userId), action, actor == null ? null : clip(actor), address,
                detail == null || detail.length() <= 500 ? detail : detail.substring(0, 499) + "…"); // the column holds 500
    }

    private static String clip(String id) {
        return id == null ? "" : id.length() > 64 ? id.substring(0, 64) : id;
    }

    /** One entry of the account audit trail. */
    public record AccountEvent(java.time.Instant at, String userId, String action, String actor, String address, String detail) {}

    /** The newest entries of the audit trail, of one account or of all. */
    public java.util.List<AccountEvent> events(String userId, int limit) {
        String where = userId == null ? "" : " WHERE user_id = ?";
        Object[] args = userId == null ? new Object[] {limit} : new Object[] {userId, limit};
        return jdbc.query("SELECT at, user_id, action, actor, address, detail FROM account_event" + where + " ORDER BY id DESC LIMIT ?",
                (rs, n) -> new AccountEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), args);
    }

    private static HttpServletRequest request() {
        return ClientRequests.current();
    }

    private static String address() {
        HttpServletRequest request = request();
        return request == null ? "internal" : request.getRemoteAddr();
    }

    /** A login a person makes (portal, Camunda webapps), rather than a client's per-request HTTP Basic check. */
    private static boolean interactive() {
        HttpServletRequest request = request();
        return request != null && (request.getRequestURI().equals("/api/session") || request.getRequestURI().contains("/auth/user/"));
    }

    private static void refuse(String reason) {
        HttpServletRequest request = request();
        if (request != null) {
            request.setAttribute(REFUSAL, reason);
        }
    }
}
