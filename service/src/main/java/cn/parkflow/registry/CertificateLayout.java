package cn.parkflow.registry;

import cn.parkflow.system.Pdf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The certificate's page: what was certified, by whom, from when, and where to check it. */
final class CertificateLayout {

    private CertificateLayout() {}

    static byte[] render(CarrierSummary carrier, CarrierDetails.Certification c, String verificationLink) {
        String authority = Authorities.certifying(c.level(), carrier.city());
        String certified = c.levelLabel() + c.kindLabel() + (c.gradeLabel() == null ? "" : "（" + c.gradeLabel() + "）");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("证书编号", c.number()));
        fields.add(Map.entry("载体名称", carrier.name()));
        fields.add(Map.entry("运营机构", carrier.operatorName()));
        fields.add(Map.entry("统一社会信用代码", carrier.creditCode()));
        fields.add(Map.entry("载体类型", c.kindLabel()));
        fields.add(Map.entry("认定级别", c.levelLabel() + (c.gradeLabel() == null ? "" : "（" + c.gradeLabel() + "）")));
        fields.add(Map.entry("所在地区", "江苏省" + carrier.cityName()));
        fields.add(Map.entry("有效期", "自 " + Pdf.day(c.validFrom()) + (c.validUntil() == null ? " 起" : " 至 " + Pdf.day(c.validUntil()))));
        if (c.documentNumber() != null) {
            fields.add(Map.entry("认定文号", c.documentNumber()));
        }
        fields.add(Map.entry("发证机关", authority));
        return Pdf.write(new Pdf.Meta("认定证书 " + c.number(), carrier.name() + " " + certified, authority, c.validFrom()), false, page -> page
                .gap(60)
                .title("认 定 证 书", 34)
                .gap(10)
                .lines("证书编号：" + c.number(), 11, Pdf.Align.CENTER)
                .gap(40)
                .paragraph("经审核，" + carrier.operatorName() + "运营的" + carrier.name() + "符合有关认定条件，认定为" + certified + "。", 16)
                .gap(24)
                .fields(fields, 13)
                .gap(48)
                .signed(authority, c.validFrom(), 15)
                .gap(64)
                .lines("本证书可在江苏省科技企业孵化载体名录核验。核验页面公布本证书文件的 SHA-256 摘要，所持文件的摘要与之相同即为原件。", 10,
                        Pdf.Align.LEFT)
                .link("核验地址：", verificationLink, 10));
    }
}
