package cn.parkflow.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The engine's password policy, from {@code parkflow.security.password.*}: by default Camunda's own (at
 * least 10 characters with a lower-case and an upper-case letter, a digit and a symbol, and neither the
 * user's id nor its name). It applies on every path that sets a password: engine REST, Camunda Admin,
 * registration, initial passwords, the password change.
 */
@Component
@EnableConfigurationProperties(PasswordRules.Settings.class)
class PasswordRules extends AbstractProcessEnginePlugin {

    @ConfigurationProperties("parkflow.security.password")
    record Settings(@DefaultValue("10") int minLength, @DefaultValue("1") int minLowerCase, @DefaultValue("1") int minUpperCase,
            @DefaultValue("1") int minDigits, @DefaultValue("1") int minSymbols) {}

    private final Settings settings;

    PasswordRules(Settings settings) {
        if (settings.minLength() < 8) {
            throw new IllegalArgumentException("parkflow.security.password.min-length must be at least 8, not " + settings.minLength());
        }
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<PasswordPolicyRule> rules = new ArrayList<>();
        rules.add(new PasswordPolicyUserDataRuleImpl());
        rules.add(new PasswordPolicyLengthRuleImpl(settings.minLength()));
        if (settings.minLowerCase() > 0) {
            rules.add(new PasswordPolicyLowerCaseRuleImpl(settings.minLowerCase()));
        }
        if (settings.minUpperCase() > 0) {
            rules.add(new PasswordPolicyUpperCaseRuleImpl(settings.minUpperCase()));
        }
        if (settings.minDigits() > 0) {
            rules.add(new PasswordPolicyDigitRuleImpl(settings.minDigits()));
        }
        if (settings.minSymbols() > 0) {
            rules.add(new PasswordPolicySpecialCharacterRuleImpl(settings.minSymbols()));
        }
        List<PasswordPolicyRule> policy = List.copyOf(rules);
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new PasswordPolicy() {
            @Override
            public List<PasswordPolicyRule> getRules() {
                return policy;
            }
        });
    }
}
