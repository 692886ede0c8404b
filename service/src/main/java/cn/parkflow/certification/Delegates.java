package cn.parkflow.certification;

/** Service-task delegates of the certification and publication processes live next to this file, one bean per task. */
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
