package cn.parkflow.certification;

/** What the delegates and listeners of the certification and publication processes share: reading the application id. */
final class Delegates {

    private Delegates() {}

    static long applicationId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        Object id = scope.getVariable(CertificationProcess.APPLICATION_ID);
        if (id instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("process variable applicationId missing");
    }
}
