package cn.parkflow.change;

import static cn.parkflow.change.ChangeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of the change-report process. */
final class ChangeDelegates {

    private ChangeDelegates() {}

    static long changeId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CHANGE_ID)).longValue();
    }

    /** 更新载体名录: the confirmed report's new values enter the registry (and an area below the rule set puts it on warning). */
    @Component("applyCarrierChange")
    static class ApplyCarrierChange implements JavaDelegate {
        private final CarrierChanges changes;

        ApplyCarrierChange(CarrierChanges changes) {
            this.changes = changes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            changes.confirm(changeId(execution), "system");
        }
    }

    /** 记录未予备案: the city or the province refused the report, or the approver kept the carrier. */
    @Component("recordChangeRejection")
    static class RecordChangeRejection implements JavaDelegate {
        private final CarrierChanges changes;

        RecordChangeRejection(CarrierChanges changes) {
            this.changes = changes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String outcome = switch (execution.getCurrentActivityId()) {
                case "RecordProvinceChangeRejection" -> "省科技厅未予确认：" + execution.getVariable(CHANGE_CONFIRM_COMMENT);
                case "RecordRevocationDeclined" -> "设区市核查发现弄虚作假，未予备案；审批未撤销认定：" + execution.getVariable(REVOCATION_REASON);
                default -> "设区市核查未予备案：" + execution.getVariable(CHANGE_COMMENT);
            };
            changes.reject(changeId(execution), outcome);
        }
    }

    /** 撤销认定: the approver revoked the carrier on the city's finding of fraud. */
    @Component("revokeCarrier")
    static class RevokeCarrier implements JavaDelegate {
        private final CarrierChanges changes;

        RevokeCarrier(CarrierChanges changes) {
            this.changes = changes;
        }

        @Override
        public void execute(DelegateExecution execution) {
            changes.revoke(changeId(execution), String.valueOf(execution.getVariable(REVOCATION_REASON)), "system");
        }
    }
}
