package cn.parkflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.ItInfrastructure;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import cn.parkflow.document.DocumentStorage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drafts and evidence documents over HTTP, stored in S3 (S3Proxy) and MariaDB: the round trip,
 * access checks, and bad input that must leave nothing behind.
 */
class ApplicationDocumentsIT extends AbstractIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DocumentStorage storage;

    Http applicant;
    long applicationId;

    @BeforeEach
    void draft() {
        applicant = as("applicant1");
        Http.Response created = applicant.post("/api/applications", Drafts.nanjingIncubator());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        applicationId = created.json().path("id").asLong();
        assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    }

    Http.Response upload(Http client, String type, String name, String contentType, byte[] bytes) {
        return client.upload("/api/applications/" + applicationId + "/documents", Map.of("type", type), "file", name, contentType, bytes);
    }

    @Test
    void pdfRoundTripThroughS3KeepsTheBytesAndTheirHash() {
        byte[] pdf = TestFiles.pdf("Business licence of the operator");
        Http.Response uploaded = upload(applicant, "BUSINESS_LICENSE", "营业执照.pdf", "application/pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        JsonNode doc = uploaded.json();
        assertThat(doc.path("sha256").asText()).isEqualTo(TestFiles.sha256(pdf));
        assertThat(doc.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(doc.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(doc.path("fileName").asText()).isEqualTo("营业执照.pdf");
        assertThat(doc.path("type").asText()).isEqualTo("BUSINESS_LICENSE");

        Http.Response redirect = applicant.get("/api/applications/" + applicationId + "/documents/" + doc.path("id").asLong());
        assertThat(redirect.status()).isEqualTo(302);
        URI presigned = URI.create(redirect.header("location"));
        assertThat(presigned.toString()).startsWith(ItInfrastructure.endpoints().s3Endpoint().toString());
        assertThat(presigned.getQuery()).contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
        Http.Response fetched = Http.fetch(presigned);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(pdf);

        // the stored object's hash is the file's, read back through the store itself
        String key = jdbc.queryForObject("SELECT object_key FROM evidence_document WHERE id = ?", String.class, doc.path("id").asLong());
        assertThat(key).startsWith("applications/" + applicationId + "/").endsWith(".pdf").doesNotContain("营业执照");

        JsonNode application = applicant.get("/api/applications/" + applicationId).json();
        assertThat(application.path("documents")).hasSize(1);
        assertThat(application.path("timeline")).extracting(t -> t.path("action").asText()).contains("CREATED", "DOCUMENT_UPLOADED");
    }

    @Test
    void tamperedOrUnsignedPresignedUrlsAreRefused() {
        long docId = upload(applicant, "SITE_PROOF", "lease.pdf", "application/pdf", TestFiles.pdf("lease")).json().path("id").asLong();
        String url = applicant.get("/api/applications/" + applicationId + "/documents/" + docId).header("location");
        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String flipped = (signature.charAt(0) == 'a' ? 'b' : 'a') + signature.substring(1);
        assertThat(Http.fetch(URI.create(url.replace(signature, flipped))).status()).isEqualTo(403);
        String otherKey = url.replaceAll("/([0-9a-f-]{36})\\.pdf", "/00000000-0000-0000-0000-000000000000.pdf");
        assertThat(Http.fetch(URI.create(otherKey)).status()).isEqualTo(403);
        String unsigned = url.substring(0, url.indexOf('?'));
        assertThat(Http.fetch(URI.create(unsigned)).status()).isEqualTo(403); // the bucket is private
    }

    @Test
    void expiredPresignedUrlIsRefused() throws Exception {
        long docId = upload(applicant, "STAFF_LIST", "staff.pdf", "application/pdf", TestFiles.pdf("staff")).json().path("id").asLong();
        String key = jdbc.queryForObject("SELECT object_key FROM evidence_document WHERE id = ?", String.class, docId);
        // X-Amz-Date has whole seconds, so a 3 s URL lives 2–3 s: fetch at once, then after it surely ended
        URI shortLived = storage.presignedGet(key, Duration.ofSeconds(3), "staff.pdf", "application/pdf", true).orElseThrow();
        assertThat(Http.fetch(shortLived).status()).isEqualTo(200);
        Thread.sleep(4500);
        assertThat(Http.fetch(shortLived).status()).isEqualTo(403);
    }

    @Test
    void randomBytesNamedPdfAre415AndNothingIsStored() throws Exception {
        Http.Response response = upload(applicant, "AUDIT_REPORT", "x.pdf", "application/pdf", TestFiles.random(4096, 7));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("content-type")).contains("application/problem+json");
        assertThat(response.json().path("detail").asText()).contains("PDF");
        assertNothingStored();
    }

    @Test
    void ofdJpegAndPngAreAcceptedByContent() {
        assertThat(upload(applicant, "APPLICATION_FORM", "申报书.ofd", "application/octet-stream", TestFiles.ofd()).json()
                .path("contentType").asText()).isEqualTo("application/ofd");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(upload(applicant, "SITE_PLAN", "plan.bin", "application/octet-stream", png).json()
                .path("contentType").asText()).isEqualTo("image/png");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        assertThat(upload(applicant, "SITE_PLAN", "photo.pdf", "application/pdf", jpeg).json()
                .path("contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void fileOverTheLimitIs413AndNothingIsStored() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.pdf("big"), 0, big, 0, 100);
        Http.Response response = upload(applicant, "AUDIT_REPORT", "big.pdf", "application/pdf", big);
        assertThat(response.status()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void missingOrUnknownTypeAndEmptyFileAreFieldErrors() throws Exception {
        Http.Response noType = applicant.upload("/api/applications/" + applicationId + "/documents", Map.of(), "file", "a.pdf",
                "application/pdf", TestFiles.pdf("a"));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().path("errors").get(0).path("field").asText()).isEqualTo("type");
        assertThat(upload(applicant, "PASSPORT", "a.pdf", "application/pdf", TestFiles.pdf("a")).json()
                .path("errors").get(0).path("field").asText()).isEqualTo("type");
        Http.Response empty = upload(applicant, "OTHER", "empty.pdf", "application/pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertNothingStored();
    }

    @Test
    void invalidCreditCodeIs400NamingTheField() {
        Http.Response response = applicant.post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "creditCode", "91110000600037341X"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("creditCode");
        assertThat(response.json().path("errors").get(0).path("detail").asText()).contains("校验位");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Map<String, Object> draft = Drafts.with(Drafts.with(Drafts.nanjingIncubator(), "carrierName", " "), "industries", List.of());
        draft = Drafts.with(draft, "indicators", Map.of("tenantAreaShare", 1.5, "tenantCount", -3, "castles", 2));
        Http.Response response = applicant.post("/api/applications", draft);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("carrierName", "industries", "indicators.tenantAreaShare", "indicators.tenantCount", "indicators.castles");
        Http.Response badCity = applicant.post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "city", "110100"));
        assertThat(badCity.status()).isEqualTo(400);
        assertThat(badCity.json().path("errors").get(0).path("field").asText()).isEqualTo("city");
        Http.Response badKind = applicant.post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "kind", "CASTLE"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");
        assertThat(applicant.post("/api/applications", "{not json").status()).isEqualTo(400);
    }

    @Test
    void writesWithoutCredentialsAre401() {
        Http.Response create = anonymous().post("/api/applications", Drafts.nanjingIncubator());
        assertThat(create.status()).isEqualTo(401);
        assertThat(create.header("www-authenticate")).contains("Basic");
        assertThat(create.json().path("status").asInt()).isEqualTo(401);
        assertThat(anonymous().upload("/api/applications/" + applicationId + "/documents", Map.of("type", "OTHER"), "file",
                "a.pdf", "application/pdf", TestFiles.pdf("a")).status()).isEqualTo(401);
        assertThat(anonymous().as("suqian", "wrong").get("/api/applications").status()).isEqualTo(401);
    }

    @Test
    void usersWithoutTheRoleAre403AndStrangersSeeNothing() throws Exception {
        Http.Response reviewerCreates = as("nanjing").post("/api/applications", Drafts.nanjingIncubator());
        assertThat(reviewerCreates.status()).isEqualTo(403);
        assertThat(reviewerCreates.json().path("title").asText()).isEqualTo("无权操作");
        // another operator's account filing for applicant1's operator is a field error on creditCode
        assertThat(as("applicant2").post("/api/applications", Drafts.nanjingIncubator()).json()
                .path("errors").get(0).path("field").asText()).isEqualTo("creditCode");
        // a draft is visible to its operator only
        assertThat(as("applicant2").get("/api/applications/" + applicationId).status()).isEqualTo(404);
        assertThat(as("nanjing").get("/api/applications/" + applicationId).status()).isEqualTo(404);
        assertThat(upload(as("applicant2"), "OTHER", "a.pdf", "application/pdf", TestFiles.pdf("a")).status()).isEqualTo(404);
        long docId = upload(applicant, "OTHER", "a.pdf", "application/pdf", TestFiles.pdf("a")).json().path("id").asLong();
        assertThat(as("applicant2").get("/api/applications/" + applicationId + "/documents/" + docId).status()).isEqualTo(404);
        assertThat(as("applicant2").get("/api/applications").json().path("content"))
                .noneSatisfy(a -> assertThat(a.path("id").asLong()).isEqualTo(applicationId));
        assertThat(applicant.get("/api/applications").json().path("content"))
                .anySatisfy(a -> assertThat(a.path("id").asLong()).isEqualTo(applicationId));
    }

    @Test
    void updateReplacesTheDraftAndIsRecorded() {
        Http.Response updated = applicant.put("/api/applications/" + applicationId,
                Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京生命科学园孵化器（更名）"));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("carrierName").asText()).isEqualTo("南京生命科学园孵化器（更名）");
        assertThat(updated.json().path("timeline")).extracting(t -> t.path("action").asText()).contains("UPDATED");
        assertThat(as("applicant2").put("/api/applications/" + applicationId, Drafts.nanjingIncubator()).status()).isEqualTo(404);
    }

    private void assertNothingStored() throws Exception {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_document WHERE subject_kind = 'APPLICATION' AND subject_id = ?", Integer.class,
                applicationId);
        assertThat(rows).isZero();
        ItInfrastructure.Endpoints e = ItInfrastructure.endpoints();
        MinioClient client = MinioClient.builder().endpoint(e.s3Endpoint().toString()).region("us-east-1")
                .credentials(e.s3AccessKey(), e.s3SecretKey()).build();
        List<String> objects = new ArrayList<>();
        for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket("parkflow-it")
                .prefix("applications/" + applicationId + "/").recursive(true).build())) {
            objects.add(item.get().objectName());
        }
        assertThat(objects).isEmpty();
        assertThat(applicant.get("/api/applications/" + applicationId).json().path("documents")).isEmpty();
    }
}
