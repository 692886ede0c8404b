package cn.parkflow.notification;

import cn.parkflow.system.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's inbox (消息中心): the notices sent to it, newest first, read or unread. Nobody reads another's. */
@Service
public class Inbox {

    /** A notice as its recipient sees it. */
    public record Message(long id, String kind, String subject, String body, String link, Instant createdAt, Instant readAt,
            boolean read) {}

    /** A page of the inbox and how many of all its notices are unread. */
    public record Page(long unread, List<Message> items) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    Inbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page list(String userId, boolean unreadOnly, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("u", userId).addValue("limit", limit);
        List<Message> items = jdbc.query("SELECT id, kind, subject, body, link, created_at, read_at FROM notification"
                + " WHERE recipient = :u" + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT :limit", p,
                (rs, i) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(7) != null));
        return new Page(unread(userId), items);
    }

    @Transactional(readOnly = true)
    public long unread(String userId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = :u AND read_at IS NULL",
                new MapSqlParameterSource("u", userId), Long.class);
        return n == null ? 0 : n;
    }

    /** Marks one of the user's notices read; 404 when it has no such notice (another user's included). */
    @Transactional
    public void markRead(String userId, long id) {
        MapSqlParameterSource p = new MapSqlParameterSource("u", userId).addValue("id", id)
                .addValue("now", Timestamp.from(clock.instant()));
        if (jdbc.update("UPDATE notification SET read_at = COALESCE(read_at, :now) WHERE id = :id AND recipient = :u", p) == 0) {
            throw ApiException.notFound("消息");
        }
    }

    /** Marks every notice of the user read; returns how many were unread. */
    @Transactional
    public int markAllRead(String userId) {
        return jdbc.update("UPDATE notification SET read_at = :now WHERE recipient = :u AND read_at IS NULL",
                new MapSqlParameterSource("u", userId).addValue("now", Timestamp.from(clock.instant())));
    }
}
