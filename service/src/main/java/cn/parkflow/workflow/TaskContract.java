package cn.parkflow.workflow;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one user task accepts when it is completed: its own answer variables, nothing else. Answers
 * are stored on the task itself (task-local), so no other task, and no other participant, sees them;
 * the names in {@code routed} are the ones the process itself reads afterwards (a gateway, a later
 * step), copied onto the task's execution when the task completes. Every capability declares the
 * contracts of its tasks as beans; {@link TaskGuard} enforces them on every path that completes a task
 * (Tasklist, engine REST, {@code /api}).
 *
 * @param taskKey    the BPMN id of the user task
 * @param answers    the answer variables it accepts
 * @param positional answer names of repeated form fields ({@code recommend1} … {@code recommend30}), or null
 * @param routed     answers the process reads after the task
 */
public record TaskContract(String taskKey, Set<String> answers, Pattern positional, Set<String> routed) {

    public TaskContract {
        answers = Set.copyOf(answers);
        routed = Set.copyOf(routed);
        if (!answers.containsAll(routed)) {
            throw new IllegalArgumentException("routed answers of " + taskKey + " must be answers: " + routed);
        }
    }

    /** A task that accepts these answers and hands none of them to the process. */
    public static TaskContract of(String taskKey, Set<String> answers) {
        return new TaskContract(taskKey, answers, null, Set.of());
    }

    public TaskContract routing(String... names) {
        return new TaskContract(taskKey, answers, positional, Set.of(names));
    }

    public TaskContract withPositional(String regex) {
        return new TaskContract(taskKey, answers, Pattern.compile(regex), routed);
    }

    public boolean accepts(String name) {
        return answers.contains(name) || (positional != null && positional.matcher(name).matches());
    }
}
