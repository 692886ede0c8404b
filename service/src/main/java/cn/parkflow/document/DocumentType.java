package cn.parkflow.document;

import cn.parkflow.registry.Labelled;

/** Kinds of evidence an application carries (DOMAIN.md §7). */
public enum DocumentType implements Labelled {
    APPLICATION_FORM("申报书"),
    BUSINESS_LICENSE("营业执照"),
    SITE_PROOF("场地产权证明或租赁合同"),
    AUDIT_REPORT("上年度财务审计报告"),
    FUND_EVIDENCE("孵化资金证明及使用案例"),
    STAFF_LIST("人员名单及资质"),
    TENANT_LIST("在孵企业名单"),
    INCUBATION_AGREEMENT("孵化协议"),
    MANAGEMENT_RULES("管理制度"),
    SITE_PLAN("场地平面图"),
    CREDIT_COMMITMENT("信用承诺书"),
    ANNUAL_REPORT("年度自评报告"),
    /** Uploaded by the city's reviewers during 现场核查, never by the operator. */
    SITE_CHECK_REPORT("现场核查报告及照片"),
    /** The evidence of a change report: the new licence, the lease, the approval of the change. */
    CHANGE_EVIDENCE("变更证明材料"),
    /** Uploaded by the province with the ministry's decision on a national application. */
    MINISTRY_DECISION("国家认定批复文件"),
    OTHER("其他");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
