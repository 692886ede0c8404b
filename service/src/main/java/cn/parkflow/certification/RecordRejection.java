package cn.parkflow.certification;

import cn.parkflow.application.ApplicationStatus;
import cn.parkflow.application.ApplicationStages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录不予认定: ends the application REJECTED with the deciding reviewer's reason. */
@Component("recordRejection")
class RecordRejection implements JavaDelegate {

    private final ApplicationStages applications;

    RecordRejection(ApplicationStages applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = switch (execution.getCurrentActivityId()) {
            case "RecordSiteCheckRejection" -> "现场核查未通过：" + execution.getVariable(CertificationProcess.SITE_FINDINGS);
            case "RecordCityRejection" -> "市级不予推荐：" + execution.getVariable(CertificationProcess.CITY_COMMENT);
            case "RecordProvinceRejection" -> "省级审查不予认定：" + execution.getVariable(CertificationProcess.PROVINCE_COMMENT);
            case "RecordNationalRejection" -> "未获工业和信息化部认定，保留原有认定" + suffix(execution.getVariable(CertificationProcess.MINISTRY_COMMENT));
            case "RecordDecisionRejection" -> "审批不予认定：" + execution.getVariable(CertificationProcess.DECISION_COMMENT);
            default -> "公示期内异议成立，不予认定";
        };
        if (Boolean.TRUE.equals(execution.getVariable(CertificationProcess.FRAUD_FOUND))) {
            reason = "弄虚作假，" + reason;
        }
        applications.finish(Delegates.applicationId(execution), ApplicationStatus.REJECTED, reason);
    }

    private static String suffix(Object comment) {
        return comment == null || comment.toString().isBlank() ? "" : "：" + comment;
    }
}
