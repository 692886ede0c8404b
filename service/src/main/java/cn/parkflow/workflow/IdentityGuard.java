package cn.parkflow.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Password checks and account records, as the engine runs them for every login path: a locked
 * account is refused until its lock ends, {@link LoginPolicy#maxFailures()} consecutive failures lock
 * it for {@link LoginPolicy#lockDuration()} (kept in the engine's user record, so Camunda Admin's
 * unlock lifts it), a throttled client address is refused without its attempt counting against the
 * account. A participant may change its own password but not its name or email (they are shown to
 * others as who decided): only an administrator may.
 */
final class IdentityGuard {

    private final LoginPolicy policy;

    IdentityGuard(LoginPolicy policy) {
        this.policy = policy;
    }

    @SuppressWarnings("unchecked")
    <T> T around(Command<T> command, CommandContext context, Supplier<T> proceed) {
        String userId = (String) TaskGuard.field(command, "userId");
        if (!(command instanceof CheckPassword)) {
            T result = proceed.get();
            if (context.getAuthenticatedUserId() != null) { // Camunda Admin; parkflow's own API audits its unlocks itself
                policy.unlocked(userId, context.getAuthenticatedUserId());
            }
            return result;
        }
        if (policy.throttled(userId).isPresent()) {
            return (T) Boolean.FALSE;
        }
        boolean success = Boolean.TRUE.equals(proceed.get());
        UserEntity user = userId == null ? null : context.getReadOnlyIdentityProvider() instanceof
                org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider db ? db.findUserById(userId) : null;
        Instant lockedUntil = null;
        if (user != null && !success) {
            Date now = ClockUtil.getCurrentTime();
            if (user.getLockExpirationTime() != null && user.getLockExpirationTime().after(now)) {
                lockedUntil = user.getLockExpirationTime().toInstant();
            } else if (user.getAttempts() > 0 && user.getAttempts() % policy.maxFailures() == 0) {
                Date until = new Date(now.getTime() + policy.lockDuration().toMillis());
                context.getIdentityInfoManager().updateUserLock(user, user.getAttempts(), until);
                lockedUntil = until.toInstant();
            }
        }
        policy.checked(userId, user != null, success, lockedUntil);
        return (T) Boolean.valueOf(success);
    }

    void checkProfile(Command<?> command, CommandContext context, Authentication caller) {
        User changed = (User) TaskGuard.field(command, "user");
        if (changed == null) {
            return;
        }
        User stored = context.getReadOnlyIdentityProvider().findUserById(changed.getId());
        if (stored == null) {
            return; // a new account: Camunda's CREATE authorization decides
        }
        if (!Objects.equals(stored.getFirstName(), changed.getFirstName()) || !Objects.equals(stored.getLastName(), changed.getLastName())
                || !Objects.equals(stored.getEmail(), changed.getEmail())) {
            throw new AuthorizationException("姓名和邮箱只能由管理员修改");
        }
    }
}
