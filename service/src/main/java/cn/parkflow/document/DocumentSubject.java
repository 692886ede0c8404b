package cn.parkflow.document;

/**
 * What an evidence document belongs to. Each capability that takes uploads names its own subject; the
 * subject's id is that capability's record (an application, a benchmark dossier), and its objects are
 * stored under the subject's folder ({@code applications/<id>/…}, {@code benchmark/<id>/…}).
 */
public enum DocumentSubject {
    /** An application for certification ({@code application.id}). */
    APPLICATION("applications"),
    /** A benchmark-selection dossier ({@code benchmark_application.id}). */
    BENCHMARK_APPLICATION("benchmark"),
    /** An operator's registration, with its business licence ({@code operator_registration.id}). */
    OPERATOR_REGISTRATION("registrations"),
    /** A change report of a carrier ({@code carrier_change.id}). */
    CARRIER_CHANGE("changes");

    private final String folder;

    DocumentSubject(String folder) {
        this.folder = folder;
    }

    String folder(long subjectId) {
        return folder + "/" + subjectId;
    }
}
