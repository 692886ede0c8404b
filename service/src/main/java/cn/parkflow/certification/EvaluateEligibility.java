package cn.parkflow.certification;

import cn.parkflow.application.ApplicationStages;
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
        EligibilityResult result = eligibility.evaluate(facts.kind(), facts.level(), facts.filingDate(), facts.indicators());
        applications.recordEligibility(id, result.ruleSet(), result.table(), result.eligible(), result.failedCriteria(), result.summary());
        execution.setVariable(CertificationProcess.ELIGIBLE, result.eligible());
        execution.setVariable(CertificationProcess.RULE_SET, result.ruleSet());
        execution.setVariable(CertificationProcess.ELIGIBILITY_TEXT, result.summary());
    }
}
