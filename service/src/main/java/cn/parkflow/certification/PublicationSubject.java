package cn.parkflow.certification;

import java.time.Duration;
import java.time.Instant;

/**
 * What a publication (公示) is about: a certification's application ({@code APPLICATION-<id>}) or,
 * later, a benchmark campaign's list ({@code CAMPAIGN-<id>}). The one publication process serves
 * every subject type through this interface; each capability implements it for its own subjects.
 */
public interface PublicationSubject {

    /** Whether this handler serves the subject (by its prefix). */
    boolean handles(String subject);

    /** The subject is listed publicly from now for {@code period}; returns the end of the period. */
    Instant open(String subject, Duration period);

    /** The period ended; {@code upheld} when an objection was upheld during it. */
    void close(String subject, boolean upheld);
}
