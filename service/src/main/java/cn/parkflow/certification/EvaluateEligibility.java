package cn.parkflow.certification;

import cn.parkflow.application.ApplicationStages;
import cn.parkflow.tenant.RosterFigures;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 资格条件判定: evaluates the eligibility tables and records the result on the application. */
@Component("evaluateEligibility")
class EvaluateEligibility implements JavaDelegate {

    private final ApplicationStages applications;
    private final EligibilityService eligibility;

    EvaluateEligibility(ApplicationStages applications, EligibilityService eligibility) {
        this.applications = applications;
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Delegates.applicationId(execution);
        ApplicationStages.Facts facts = applications.facts(id);
        Optional<RosterFigures.Check> roster = applications.rosterCheck(id);
        EligibilityResult result = eligibility.evaluate(facts.kind(), facts.level(), facts.filingDate(),
                roster.map(check -> RosterFigures.substitute(facts.indicators(), check.figures())).orElse(facts.indicators()));
        String summary = result.summary() + roster.map(check -> "（" + check.source() + "）").orElse("");
        applications.recordEligibility(id, result.ruleSet(), result.table(), result.eligible(), result.failedCriteria(), summary);
        execution.setVariable(CertificationProcess.ELIGIBLE, result.eligible());
        execution.setVariable(CertificationProcess.RULE_SET, result.ruleSet());
        execution.setVariable(CertificationProcess.ELIGIBILITY_TEXT, summary);
    }
}
