package cn.parkflow.certification;

import static cn.parkflow.testsupport.CertificationDriver.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.ItInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The object store goes away: a submission is refused cleanly; an asynchronous step becomes an incident, then recovers. */
class StorageFaultIT extends AbstractIT {

    @BeforeEach
    void embeddedStoreOnly() {
        assumeTrue(ItInfrastructure.objectStoreIsEmbedded(), "needs the in-process S3Proxy to stop and start it");
    }

    @AfterEach
    void storeIsBack() throws Exception {
        try {
            ItInfrastructure.startObjectStore();
        } catch (Exception alreadyRunning) {
            // started by the test itself
        }
    }

    @Test
    void submissionWhileTheStoreIsDownIs503AndChangesNothing() throws Exception {
        CertificationDriver d = new CertificationDriver(this::as);
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京存储故障测试孵化器甲"));
        ItInfrastructure.stopObjectStore();
        Http.Response refused = as("applicant1").post("/api/applications/" + id + "/submit", Map.of());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("content-type")).contains("application/problem+json");
        assertThat(refused.json().path("title").asText()).isEqualTo("文件存储暂不可用");
        ItInfrastructure.startObjectStore();
        JsonNode app = d.application(id, "applicant1");
        assertThat(app.path("status").asText()).isEqualTo("DRAFT");
        assertThat(app.path("processInstanceId").isMissingNode() || app.path("processInstanceId").isNull()).isTrue();
        assertThat(as("admin").get("/engine-rest/process-instance/count?businessKey=" + id).json().path("count").asInt()).isZero();
        // and once the store is back, the same submission goes through
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
    }

    @Test
    void storeDownDuringAnAsynchronousStepRaisesAnIncidentAndARetryFinishes() throws Exception {
        CertificationDriver d = new CertificationDriver(this::as);
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京存储故障测试孵化器乙"));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        d.throughDecision(id);
        d.awaitStatus(id, "PUBLICATION");
        ItInfrastructure.stopObjectStore();
        // the publication period ends; verifying the documents cannot read the store: retries, then an incident
        JsonNode incident = await("incident", () -> {
            JsonNode incidents = as("admin").get("/engine-rest/incident?processInstanceId="
                    + d.application(id, "applicant1").path("processInstanceId").asText()).json();
            return incidents.size() > 0 ? incidents.get(0) : null;
        });
        assertThat(incident.path("activityId").asText()).isEqualTo("VerifyDocuments");
        assertThat(incident.path("incidentType").asText()).isEqualTo("failedJob");
        assertThat(d.application(id, "applicant1").path("status").asText()).isEqualTo("PUBLICATION");

        ItInfrastructure.startObjectStore();
        String jobId = incident.path("configuration").asText();
        Http.Response retry = as("admin").put("/engine-rest/job/" + jobId + "/retries", Map.of("retries", 1));
        assertThat(retry.status()).as(retry.text()).isEqualTo(204);
        JsonNode certified = d.awaitStatus(id, "CERTIFIED");
        assertThat(certified.path("documents")).hasSize(CertificationDriver.INCUBATOR_DOCUMENTS.size());
        assertThat(certified.path("certificationNumber").asText()).isNotBlank();
    }
}
