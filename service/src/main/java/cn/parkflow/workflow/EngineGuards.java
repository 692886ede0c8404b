package cn.parkflow.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts parkflow's guards into the engine's command chain, after the command context exists, so that
 * every path into the engine (Tasklist and the other webapps, engine REST, parkflow's own code) passes
 * them: {@link TaskGuard} for what participants do to tasks and variables, {@link IdentityGuard} for
 * password checks (lockout), profile changes and unlocking. Only a participant's outermost command is
 * checked; what the engine runs inside it (listeners, delegates) is the engine's own work.
 */
@Component
class EngineGuards extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskContract> contracts;
    private final ObjectProvider<LoginPolicy> loginPolicy;

    EngineGuards(ObjectProvider<TaskContract> contracts, ObjectProvider<LoginPolicy> loginPolicy) {
        this.contracts = contracts;
        this.loginPolicy = loginPolicy;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // one interceptor per chain (an interceptor knows one successor); both share the nesting depth
        configuration.setCustomPostCommandInterceptorsTxRequired(append(configuration.getCustomPostCommandInterceptorsTxRequired(), new Interceptor()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Interceptor()));
        // parkflow's lockout (IdentityGuard) replaces the engine's: never a permanent lock, no delay of its own
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> list, CommandInterceptor interceptor) {
        List<CommandInterceptor> result = list == null ? new ArrayList<>() : new ArrayList<>(list);
        result.add(interceptor);
        return result;
    }

    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile TaskGuard tasks;
    private volatile IdentityGuard identity;

    private TaskGuard tasks() {
        if (tasks == null) {
            tasks = new TaskGuard(contracts.orderedStream().toList());
        }
        return tasks;
    }

    private IdentityGuard identity() {
        if (identity == null) {
            identity = new IdentityGuard(loginPolicy.getIfAvailable(() -> LoginPolicy.NONE));
        }
        return identity;
    }

    private final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            int[] level = depth.get();
            level[0]++;
            try {
                if (level[0] == 1) {
                    return outermost(command);
                }
                return next.execute(command);
            } finally {
                level[0]--;
            }
        }

        private <T> T outermost(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            if (command instanceof CheckPassword || command instanceof UnlockUserCmd) {
                return identity().around(command, context, () -> next.execute(command));
            }
            Authentication user = context == null ? null : context.getAuthentication();
            if (user != null && user.getUserId() != null && !context.getAuthorizationManager().isCamundaAdmin(user)) {
                if (command instanceof SaveUserCmd) {
                    identity().checkProfile(command, context, user);
                } else {
                    tasks().check(command, context, user);
                }
            }
            return next.execute(command);
        }

    }
}
