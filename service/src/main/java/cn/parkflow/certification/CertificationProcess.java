package cn.parkflow.certification;

/** Names of the certification process (its keys, task ids and variables; the README's API section). */
public final class CertificationProcess {

    public static final String KEY = "certification";
    public static final String PUBLICATION_KEY = cn.parkflow.publication.PublicationProcess.KEY;

    public static final String CITY_SITE_CHECK_TASK = "CitySiteCheckTask";
    public static final String CITY_EXPERT_REVIEW_TASK = "CityExpertReviewTask";
    public static final String CITY_REVIEW_TASK = "CityReviewTask";
    public static final String SUPPLEMENT_TASK = "SupplementTask";
    public static final String PROVINCE_REVIEW_TASK = "ProvinceReviewTask";
    public static final String EXPERT_REVIEW_TASK = "ExpertReviewTask";
    public static final String DECISION_TASK = "DecisionTask";
    /** A national application after its recommendation: the province records the ministry's decision. */
    public static final String NATIONAL_OUTCOME_TASK = "NationalOutcomeTask";
    public static final String OBJECTION_TASK = cn.parkflow.publication.PublicationProcess.OBJECTION_TASK;

    public static final String MESSAGE_OBJECTION = cn.parkflow.publication.PublicationProcess.MESSAGE_OBJECTION;
    public static final String ERROR_OBJECTION_UPHELD = cn.parkflow.publication.PublicationProcess.ERROR_OBJECTION_UPHELD;

    // variables set at submission
    public static final String APPLICATION_ID = "applicationId";
    public static final String APPLICANT = "applicant";
    public static final String CITY_GROUP = "cityGroup";
    /** The application's level ({@code CITY}, {@code PROVINCIAL}, {@code NATIONAL}): a national one is recommended, not approved. */
    public static final String LEVEL = "level";
    public static final String RETURNED_BY = "returnedBy";
    public static final String CORRECTION_PERIOD = "correctionPeriod";
    public static final String PUBLICATION_PERIOD = cn.parkflow.publication.PublicationProcess.PUBLICATION_PERIOD;
    public static final String PUBLICATION_SUBJECT = cn.parkflow.publication.PublicationProcess.PUBLICATION_SUBJECT;
    public static final String PUBLICATION_OUTCOME = cn.parkflow.publication.PublicationProcess.PUBLICATION_OUTCOME;

    // eligibility
    public static final String ELIGIBLE = "eligible";
    public static final String RULE_SET = "ruleSet";
    public static final String ELIGIBILITY_TEXT = "eligibilityText";

    // task outcomes
    public static final String SITE_CHECK_DATE = "siteCheckDate";
    public static final String SITE_INSPECTORS = "siteInspectors";
    public static final String SITE_FINDINGS = "siteFindings";
    public static final String SITE_PASSED = "sitePassed";
    /** The city's own expert panel: named on the site check task, or drawn when none is named. */
    public static final String CITY_EXPERTS = "cityExperts";
    public static final String CITY_EXPERT_OPTIONS = "cityExpertOptions";
    public static final String CITY_EXPERT = "cityExpert";
    /** Set when the city's site check and expert review are done: a corrected application goes straight to CityReviewTask. */
    public static final String CITY_OWN_REVIEW_DONE = "cityOwnReviewDone";
    public static final String CITY_DECISION = "cityDecision";
    public static final String CITY_COMMENT = "cityComment";
    public static final String CITY_REMARK = "cityRemark";
    public static final String PROVINCE_CHECK = "provinceCheck";
    public static final String PROVINCE_COMMENT = "provinceComment";
    public static final String PROVINCE_REMARK = "provinceRemark";
    public static final String EXPERTS = "experts";
    public static final String EXPERT_OPTIONS = "expertOptions";
    public static final String EXPERT = "expert";
    public static final String EXPERT_SCORE = "expertScore";
    public static final String EXPERT_OPINION = "expertOpinion";
    public static final String EXPERT_COMMENT = "expertComment";
    public static final String DECISION = "decision";
    public static final String DECISION_COMMENT = "decisionComment";
    /** The grade a national recommendation under the 2025 rules carries: {@code STANDARD} or {@code EXCELLENT}. */
    public static final String NATIONAL_GRADE = "nationalGrade";
    public static final String MINISTRY_APPROVED = "ministryApproved";
    public static final String MINISTRY_DOCUMENT_NUMBER = "ministryDocumentNumber";
    public static final String MINISTRY_DECISION_DATE = "ministryDecisionDate";
    public static final String MINISTRY_COMMENT = "ministryComment";
    /** The rule set whose national recommendations carry a grade. */
    public static final String GRADED_RULE_SET = "NATIONAL-2025";
    /** A reject outcome (city, province, decision) that finds fraud: the operator is barred from applying (parkflow.fraud-bar). */
    public static final String FRAUD_FOUND = "fraudFound";
    /** Approving an application found ineligible: the approver confirms the exception (true) and says why in the comment. */
    public static final String ELIGIBILITY_OVERRIDE = "eligibilityOverride";

    // objections
    public static final String OBJECTION_ID = cn.parkflow.publication.PublicationProcess.OBJECTION_ID;
    public static final String OBJECTOR_NAME = cn.parkflow.publication.PublicationProcess.OBJECTOR_NAME;
    public static final String OBJECTION_CONTACT = cn.parkflow.publication.PublicationProcess.OBJECTION_CONTACT;
    public static final String OBJECTION_TEXT = cn.parkflow.publication.PublicationProcess.OBJECTION_TEXT;
    public static final String OBJECTION_RECEIVED_AT = cn.parkflow.publication.PublicationProcess.OBJECTION_RECEIVED_AT;
    public static final String OBJECTION_UPHELD = cn.parkflow.publication.PublicationProcess.OBJECTION_UPHELD;
    public static final String OBJECTION_REPLY = cn.parkflow.publication.PublicationProcess.OBJECTION_REPLY;

    public static final int DEFAULT_EXPERT_COUNT = 3;

    private CertificationProcess() {}

    public static String subject(long applicationId) {
        return "APPLICATION-" + applicationId;
    }
}
