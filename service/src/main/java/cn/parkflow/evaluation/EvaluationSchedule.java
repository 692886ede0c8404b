package cn.parkflow.evaluation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the yearly run starts by itself: {@code parkflow.evaluation.cron} (Quartz-style, seconds
 * first; default 01:00 on 1 March). Read by the timer start event when the BPMN is deployed, so it
 * holds no engine service.
 */
@Component("evaluationSchedule")
public class EvaluationSchedule {

    private final String cron;

    EvaluationSchedule(@Value("${parkflow.evaluation.cron:0 0 1 1 3 ?}") String cron) {
        this.cron = cron;
    }

    public String cron() {
        return cron;
    }
}
