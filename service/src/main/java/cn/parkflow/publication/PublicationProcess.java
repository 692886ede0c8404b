package cn.parkflow.publication;

/**
 * Names of the publication process (公示与异议处理, {@code publication.bpmn}): called by certification
 * and by benchmark selection with a subject ({@code APPLICATION-<id>}, {@code CAMPAIGN-<id>}) and a period.
 */
public final class PublicationProcess {

    private PublicationProcess() {}

    public static final String KEY = "publication";
    public static final String OBJECTION_TASK = "ObjectionTask";
    public static final String MESSAGE_OBJECTION = "ObjectionReceived";
    public static final String ERROR_OBJECTION_UPHELD = "OBJECTION_UPHELD";

    // variables passed in by the calling process, and its outcome
    public static final String PUBLICATION_PERIOD = "publicationPeriod";
    public static final String PUBLICATION_SUBJECT = "publicationSubject";
    public static final String PUBLICATION_OUTCOME = "publicationOutcome";
    public static final String PUBLICATION_END = "publicationEnd";

    // an objection, delivered with the message, and the reviewer's finding
    public static final String OBJECTION_ID = "objectionId";
    public static final String OBJECTOR_NAME = "objectorName";
    public static final String OBJECTION_CONTACT = "objectionContact";
    public static final String OBJECTION_TEXT = "objectionText";
    public static final String OBJECTION_RECEIVED_AT = "objectionReceivedAt";
    public static final String OBJECTION_UPHELD = "objectionUpheld";
    public static final String OBJECTION_REPLY = "objectionReply";
    public static final String OBJECTION_EFFECT = "objectionEffect";
    public static final String OBJECTION_ENDS_PUBLICATION = "objectionEndsPublication";
}
