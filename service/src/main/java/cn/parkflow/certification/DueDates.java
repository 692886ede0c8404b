package cn.parkflow.certification;

import cn.parkflow.system.ParkflowProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Due dates of user tasks, from {@code parkflow.due.*}; used in the BPMN as {@code ${dueDates.of('CityReviewTask')}}. */
@Component("dueDates")
public class DueDates {

    private final ParkflowProperties properties;
    private final Clock clock;

    DueDates(ParkflowProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public Date of(String taskId) {
        ParkflowProperties.Due due = properties.due();
        Duration duration = switch (taskId) {
            case CertificationProcess.CITY_SITE_CHECK_TASK -> due.siteCheck();
            case CertificationProcess.CITY_EXPERT_REVIEW_TASK -> due.cityExpertReview();
            case CertificationProcess.CITY_REVIEW_TASK -> due.cityReview();
            case CertificationProcess.PROVINCE_REVIEW_TASK -> due.provinceReview();
            case CertificationProcess.EXPERT_REVIEW_TASK -> due.expertReview();
            case CertificationProcess.DECISION_TASK -> due.decision();
            case CertificationProcess.OBJECTION_TASK -> due.objection();
            case CertificationProcess.NATIONAL_OUTCOME_TASK -> due.nationalOutcome();
            // the change report's tasks (process carrier-change) take the periods of their certification counterparts
            case "CityChangeCheckTask" -> due.cityReview();
            case "ProvinceChangeConfirmTask" -> due.provinceReview();
            case "ChangeRevocationTask" -> due.decision();
            default -> throw new IllegalArgumentException("no due date configured for " + taskId);
        };
        return Date.from(clock.instant().plus(duration));
    }

    /** Due after an ISO-8601 period from now, e.g. the report period of the annual evaluation. */
    public Date after(String period) {
        return Date.from(clock.instant().plus(Duration.parse(period)));
    }

    /** The operator's correction is due when the correction period lapses. */
    public Date correctionDue() {
        return Date.from(clock.instant().plus(properties.correctionPeriod()));
    }
}
