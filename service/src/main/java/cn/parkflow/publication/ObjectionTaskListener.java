package cn.parkflow.publication;

import static cn.parkflow.publication.PublicationProcess.*;

import cn.parkflow.workflow.TaskAnswers;
import cn.parkflow.workflow.TaskRefusal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 处理异议: on creation the form learns what the objection is about from the subject's handler; on
 * completion the finding (upheld or not, with a reply) is stored by the handler, which also says
 * whether an upheld objection ends the publication ({@code objectionEndsPublication}).
 */
@Component("objectionTaskListener")
class ObjectionTaskListener implements TaskListener {

    static final java.util.List<String> OBJECTION_VARIABLES = java.util.List.of(
            OBJECTION_ID, OBJECTOR_NAME, OBJECTION_CONTACT, OBJECTION_TEXT, OBJECTION_RECEIVED_AT);

    private final PublicationSubjects subjects;
    private final Objections objections;

    ObjectionTaskListener(PublicationSubjects subjects, Objections objections) {
        this.subjects = subjects;
        this.objections = objections;
    }

    @Override
    public void notify(DelegateTask task) {
        String subject = (String) task.getVariable(PUBLICATION_SUBJECT);
        long objectionId = ((Number) task.getVariable(OBJECTION_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // The message leaves the objection on the publication's scope, where the next objection
            // would overwrite it: keep this objection, and this task's answer, on the execution around the task.
            for (String name : OBJECTION_VARIABLES) {
                TaskAnswers.enclosing(task).setVariableLocal(name, task.getVariable(name));
            }
            TaskAnswers.enclosing(task).setVariableLocal(OBJECTION_UPHELD, null);
            TaskAnswers.enclosing(task).setVariableLocal(OBJECTION_REPLY, null);
            task.setVariablesLocal(subjects.of(subject).objectionView(objections.get(objectionId)));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Object upheld = task.getVariable(OBJECTION_UPHELD);
        if (!(upheld instanceof Boolean)) {
            throw TaskRefusal.of("请说明异议是否成立（objectionUpheld 应为 true 或 false）");
        }
        Object reply = task.getVariable(OBJECTION_REPLY);
        if (reply == null || reply.toString().isBlank()) {
            throw TaskRefusal.of("请填写处理意见（objectionReply）");
        }
        Objections.Objection decided = objections.decide(objectionId, (Boolean) upheld, reply.toString().strip(), TaskAnswers.actor(task));
        TaskAnswers.enclosing(task).setVariableLocal(OBJECTION_ENDS_PUBLICATION, subjects.of(subject).objectionDecided(decided));
    }
}
