package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.PdfText;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents to keep, as the public gets them: the publication notice while a carrier is under publication, then the
 * certificate of its certification, issued when the certification is recorded — Chinese text a search finds, the same
 * bytes on every download, its SHA-256 published on the registry page, and kept as issued when the registry changes.
 */
class CertificateIT extends AbstractIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCertifiedCarrierHasAPublicCertificateThatStaysAsIssued() {
        String name = "南京证书测试孵化器" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CertificationDriver d = new CertificationDriver(this::as);
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        d.throughDecision(id);

        // under publication: the notice lists the carrier, how to object, and prints the same bytes for the same list
        d.awaitStatus(id, "PUBLICATION");
        byte[] notice = stableNotice();
        PdfText noticeText = PdfText.of(notice);
        assertThat(noticeText.joined()).contains("江苏省科技企业孵化载体认定公示", name, "南京江北新区生命科学园发展有限公司", "省级科技企业孵化器",
                "异议方式", "/portal/publications.html", "江苏省科学技术厅");
        assertThat(noticeText.title()).isEqualTo("江苏省科技企业孵化载体认定公示");

        JsonNode certified = d.awaitStatus(id, "CERTIFIED");
        long carrier = certified.path("carrierId").asLong();
        String number = certified.path("certificationNumber").asText();
        // issued when the certification was recorded (after its commit), not on the first download
        String issued = CertificationDriver.await("certificate issued", () -> certification(carrier, number).path("certificateSha256").asText(null));

        String path = "/api/registry/carriers/" + carrier + "/certifications/" + number + "/certificate.pdf";
        Http.Response first = anonymous().get(path);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("application/pdf");
        assertThat(first.header("Content-Disposition")).startsWith("inline");
        PdfText certificate = PdfText.of(first.body());
        assertThat(certificate.joined()).contains("认定证书", name, number, "南京江北新区生命科学园发展有限公司", Drafts.APPLICANT1_CREDIT_CODE,
                "省级科技企业孵化器", "江苏省南京市", "发证机关", "江苏省科学技术厅", "SHA-256", "/portal/carrier.html?id=" + carrier);
        assertThat(certificate.pages()).isOne();

        // the registry publishes the digest of exactly these bytes; a second download is the same file
        String sha256 = TestFiles.sha256(first.body());
        assertThat(sha256).isEqualTo(issued);
        assertThat(certification(carrier, number).path("certificateSha256").asText()).isEqualTo(sha256);
        assertThat(first.header("ETag")).isEqualTo("\"" + sha256 + "\"");
        Http.Response second = anonymous().get(path);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());

        // what someone holds stays the original: the carrier's record changes, the issued certificate does not
        jdbc.update("UPDATE carrier SET name = ? WHERE id = ?", name + "（更名）", carrier);
        try {
            Http.Response after = anonymous().get(path);
            assertThat(after.body()).isEqualTo(first.body());
            assertThat(certification(carrier, number).path("certificateSha256").asText()).isEqualTo(sha256);
        } finally {
            jdbc.update("UPDATE carrier SET name = ? WHERE id = ?", name, carrier);
        }

        // unknown certifications and carriers, and a number of another carrier, are 404 problems
        assertThat(anonymous().get("/api/registry/carriers/" + carrier + "/certifications/JSP-INC-1999-9999/certificate.pdf").status())
                .isEqualTo(404);
        assertThat(anonymous().get("/api/registry/carriers/987654321/certifications/" + number + "/certificate.pdf").status()).isEqualTo(404);
        long other = jdbc.queryForObject("SELECT MIN(id) FROM carrier WHERE id <> ?", Long.class, carrier);
        Http.Response foreign = anonymous().get("/api/registry/carriers/" + other + "/certifications/" + number + "/certificate.pdf");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theNoticeWithNobodyUnderPublicationSaysSo() {
        // other ITs may have carriers under publication: the notice then lists them, else it says there are none
        JsonNode list = anonymous().get("/api/publications").json();
        PdfText notice = PdfText.of(stableNotice());
        if (list.isEmpty()) {
            assertThat(notice.joined()).contains("目前没有正在公示的拟认定载体");
        } else {
            list.forEach(p -> assertThat(notice.joined()).contains(p.path("carrierName").asText().replaceAll("\\s+", "")));
        }
    }

    /** The notice, fetched twice while the list stays the same (other ITs' publications open and close meanwhile). */
    byte[] stableNotice() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String before = anonymous().get("/api/publications").text();
            Http.Response one = anonymous().get("/api/publications/notice.pdf");
            Http.Response two = anonymous().get("/api/publications/notice.pdf");
            String after = anonymous().get("/api/publications").text();
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.header("Content-Type")).startsWith("application/pdf");
            if (before.equals(after)) {
                assertThat(two.body()).as("the same list prints the same bytes").isEqualTo(one.body());
                return one.body();
            }
        }
        throw new AssertionError("the publication list kept changing");
    }

    JsonNode certification(long carrier, String number) {
        for (JsonNode c : anonymous().get("/api/registry/carriers/" + carrier).json().path("certifications")) {
            if (number.equals(c.path("number").asText())) {
                return c;
            }
        }
        throw new AssertionError("no certification " + number + " on carrier " + carrier);
    }
}
