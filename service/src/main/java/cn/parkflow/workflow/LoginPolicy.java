package cn.parkflow.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How password checks are limited, on every login path (parkflow's API, the Camunda webapps, engine
 * REST): an account is locked for a while after consecutive failures, never for good; and a client
 * address that keeps failing is slowed down on its own, so that one anonymous client cannot lock out
 * every account. {@link IdentityGuard} keeps the account lock in the engine's own user record (so
 * Camunda Admin shows and lifts it); the rest is the identity capability's.
 */
public interface LoginPolicy {

    /** Consecutive failures that lock an account. */
    int maxFailures();

    /** How long an account stays locked. */
    Duration lockDuration();

    /** Why an attempt for this user is refused before its password is checked (the client address is slowed), if it is. */
    Optional<String> throttled(String userId);

    /** After a password check: its outcome, and the end of the account's lock if it is locked now. */
    void checked(String userId, boolean known, boolean success, Instant lockedUntil);

    /** An account's lock was lifted by an administrator or the province ({@code actor}). */
    void unlocked(String userId, String actor);

    LoginPolicy NONE = new LoginPolicy() {
        @Override
        public int maxFailures() {
            return 5;
        }

        @Override
        public Duration lockDuration() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Optional<String> throttled(String userId) {
            return Optional.empty();
        }

        @Override
        public void checked(String userId, boolean known, boolean success, Instant lockedUntil) {}

        @Override
        public void unlocked(String userId, String actor) {}
    };
}
