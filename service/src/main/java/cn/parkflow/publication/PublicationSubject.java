package cn.parkflow.publication;

import java.time.Instant;
import java.util.Map;

/**
 * What a publication (公示) is about: a certification's application ({@code APPLICATION-<id>}) or a
 * benchmark campaign's list ({@code CAMPAIGN-<id>}). The one publication process serves
 * every subject type through this interface; each capability implements it for its own subjects.
 */
public interface PublicationSubject {

    /** Whether this handler serves the subject (by its prefix). */
    boolean handles(String subject);

    /** The subject is listed publicly from now until {@code end}; returns the end. */
    Instant open(String subject, Instant end);

    /** The period ended; {@code upheld} when an objection was upheld during it. */
    void close(String subject, boolean upheld);

    /** What the objection form shows besides the objection itself (overrides the publication's own variables). */
    Map<String, Object> objectionView(Objections.Objection objection);

    /**
     * The reviewer's finding on an objection is recorded: acts on it, and returns whether it ends the whole
     * publication (an application's does when upheld; a campaign's removes one carrier and the rest stay listed).
     */
    boolean objectionDecided(Objections.Objection objection);
}
