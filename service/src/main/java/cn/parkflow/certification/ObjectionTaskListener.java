package cn.parkflow.certification;

import static cn.parkflow.certification.CertificationProcess.*;

import cn.parkflow.application.ApplicationWorkflow;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 处理异议: the reviewer's finding (upheld or not, with a reply) is stored with the objection. */
@Component("objectionTaskListener")
class ObjectionTaskListener implements TaskListener {

    private final ApplicationWorkflow applications;
    private final IdentityService identity;

    ObjectionTaskListener(ApplicationWorkflow applications, IdentityService identity) {
        this.applications = applications;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Object upheld = task.getVariable(OBJECTION_UPHELD);
        if (!(upheld instanceof Boolean)) {
            throw TaskOutcome.invalid("请说明异议是否成立（objectionUpheld 应为 true 或 false）");
        }
        Object reply = task.getVariable(OBJECTION_REPLY);
        if (reply == null || reply.toString().isBlank()) {
            throw TaskOutcome.invalid("请填写处理意见（objectionReply）");
        }
        var auth = identity.getCurrentAuthentication();
        String actor = auth != null && auth.getUserId() != null ? auth.getUserId() : String.valueOf(task.getAssignee());
        applications.decideObjection(((Number) task.getVariable(OBJECTION_ID)).longValue(), (Boolean) upheld, reply.toString().strip(), actor);
    }
}
