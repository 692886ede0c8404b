package cn.parkflow.portal;

import static cn.parkflow.testsupport.CertificationDriver.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.Browser;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal, Tasklist and public pages in headless Chromium against the whole application on
 * MariaDB and S3: an operator files an application with real PDF uploads and submits it; nanjing
 * works the city review in Camunda Tasklist, its form's document link opening the PDF after the
 * access check; the public registry filters by city. Each test saves a screenshot under
 * {@code target/screenshots/}.
 */
class PortalBrowserIT extends AbstractBrowserIT {

    @TempDir Path files;
    @org.springframework.beans.factory.annotation.Autowired cn.parkflow.registry.RegistryService registry;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;


    @Test
    void operatorFilesAnApplicationWithRealPdfUploadsAndSubmitsIt() throws Exception {
        Browser b = browser();
        login(b, "applicant1", "/portal/application.html");
        b.until("catalogue loaded", d -> d.findElements(By.cssSelector("#kind option")).size() > 1 ? true : null);
        Map<String, Object> draft = Drafts.nanjingIncubator();
        String name = "浏览器申报孵化器" + UUID.randomUUID().toString().substring(0, 6);
        new Select(b.driver().findElement(By.id("kind"))).selectByValue("INCUBATOR");
        new Select(b.driver().findElement(By.id("level"))).selectByValue("PROVINCIAL");
        new Select(b.driver().findElement(By.id("city"))).selectByValue("320100");
        b.driver().findElement(By.id("carrierName")).sendKeys(name);
        b.driver().findElement(By.id("operatorName")).sendKeys((String) draft.get("operatorName"));
        String code = (String) draft.get("creditCode");
        // a wrong check character is caught in the page, before anything is sent
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        b.driver().findElement(By.id("creditCode")).sendKeys(wrong);
        b.driver().findElement(By.id("address")).sendKeys((String) draft.get("address"));
        b.driver().findElement(By.cssSelector("input[name=industries][value=CELL_GENE]")).click();
        fillIndicators(b, draft);
        b.driver().findElement(By.id("save")).click();
        assertThat(b.visible("[id='err-creditCode']").getText()).isEqualTo("统一社会信用代码校验位错误");
        assertThat(b.driver().getCurrentUrl()).doesNotContain("id=");
        WebElement creditCode = b.driver().findElement(By.id("creditCode"));
        assertThat(creditCode.getAttribute("aria-invalid")).isEqualTo("true");
        creditCode.clear();
        creditCode.sendKeys(code);
        b.driver().findElement(By.id("save")).click();
        b.until("draft saved", d -> d.getCurrentUrl().contains("id=") ? true : null);
        long id = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
        b.visible("#checklist li");

        // bytes that are not a PDF are refused, whatever the name says, and nothing is ticked off
        Path fake = files.resolve("伪装.pdf");
        Files.writeString(fake, "not a pdf at all");
        upload(b, "APPLICATION_FORM", fake);
        assertThat(b.visible("[id='err-file']").getText()).contains("格式");
        assertThat(b.driver().findElement(By.cssSelector("#checklist li[data-type=APPLICATION_FORM]")).getAttribute("class")).doesNotContain("done");

        for (String type : CertificationDriver.INCUBATOR_DOCUMENTS) {
            Path pdf = files.resolve(type.toLowerCase() + ".pdf");
            Files.write(pdf, TestFiles.pdf("浏览器上传 " + type + " " + name));
            upload(b, type, pdf);
            b.until(type + " ticked off", d -> d.findElement(By.cssSelector("#checklist li[data-type=" + type + "]"))
                    .getAttribute("class").contains("done") ? true : null);
            assertThat(b.driver().findElement(By.id("upload-progress")).getAttribute("value")).isEqualTo("100");
        }
        assertThat(b.driver().findElements(By.cssSelector("#document-list tbody tr"))).hasSize(CertificationDriver.INCUBATOR_DOCUMENTS.size());
        b.driver().findElement(By.id("submit")).click();
        b.until("submitted", d -> d.findElement(By.id("status")).getText().matches("已提交|现场核查") ? true : null);
        b.visible("#timeline li");
        b.screenshot("portal-application-submitted");

        JsonNode view = as("applicant1").get("/api/applications/" + id).json();
        assertThat(view.path("carrierName").asText()).isEqualTo(name);
        assertThat(view.path("status").asText()).isIn("SUBMITTED", "SITE_CHECK");
        assertThat(view.path("documents")).hasSize(CertificationDriver.INCUBATOR_DOCUMENTS.size());
        for (JsonNode doc : view.path("documents")) { // the stored bytes are the uploaded file's
            byte[] sent = Files.readAllBytes(files.resolve(doc.path("type").asText().toLowerCase() + ".pdf"));
            assertThat(doc.path("sha256").asText()).isEqualTo(TestFiles.sha256(sent));
            assertThat(doc.path("contentType").asText()).isEqualTo("application/pdf");
        }
    }

    static void upload(Browser b, String type, Path file) {
        new Select(b.driver().findElement(By.id("doc-type"))).selectByValue(type);
        b.driver().findElement(By.id("doc-file")).sendKeys(file.toAbsolutePath().toString());
        b.driver().findElement(By.id("upload-submit")).click();
        b.until("upload answered", d -> d.findElement(By.id("upload-submit")).isEnabled()
                && !d.findElement(By.id("notice")).getText().isBlank() ? true : null);
    }

    @Test
    void nanjingWorksTheCityReviewInTasklistAndOpensItsDocumentInline() {
        CertificationDriver driver = new CertificationDriver(this::as);
        String name = "任务列表审核孵化器" + UUID.randomUUID().toString().substring(0, 6);
        long id = driver.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        String taskId = driver.awaitCityReview(id).path("id").asText();

        Browser b = browser();
        webappLogin(b, "tasklist", "nanjing");
        // a Chinese browser (--lang=zh-CN) gets Tasklist in Chinese, under the platform's name, without the end-of-life banner
        b.until("Chinese navigation", d -> d.findElement(By.tagName("body")).getText().contains("启动流程") ? true : null);
        assertThat(b.driver().findElement(By.cssSelector(".navbar-brand")).getText()).contains("任务列表");
        assertThat(b.driver().getTitle() + b.driver().findElement(By.tagName("body")).getText()).contains("江苏省科技企业孵化载体管理平台");
        assertThat(b.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        // dates in Beijing time, as the footer says
        b.until("Beijing time", d -> d.findElements(By.id("footer-timezone")).stream()
                .anyMatch(e -> e.getText().contains("本地时区") && e.getText().contains("Asia/Shanghai")) ? true : null);
        b.screenshot("tasklist-in-chinese");
        b.go("/camunda/app/tasklist/default/#/?task=" + taskId);
        try {
            WebElement link = b.visible("a[href*='/api/applications/" + id + "/documents/']");
            assertThat(b.driver().getPageSource()).contains(name);
            String href = link.getAttribute("href");

            // the document opens with the Tasklist login: a redirect to the store's presigned, inline URL
            Http session = sessionOf(b);
            Http.Response served = session.get(href);
            assertThat(served.status()).as(served.text()).isEqualTo(302);
            Http.Response pdf = Http.fetch(URI.create(served.header("location")));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.header("content-type")).startsWith("application/pdf");
            assertThat(pdf.header("content-disposition")).startsWith("inline");
            assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
            // another city's reviewer, logged in the same way, is refused (404: it does not learn that the document exists)
            Http wuxi = Http.to("http://localhost:" + port);
            assertThat(wuxi.post("/api/session", Map.of("username", "wuxi", "password", DEMO_PASSWORD)).status()).isEqualTo(200);
            assertThat(wuxi.get(href.replace("http://localhost:" + port, "")).status()).isEqualTo(404);

            // the browser itself follows the link: the access check redirects it to the store, which serves the PDF inline
            String tasklist = b.driver().getWindowHandle();
            b.responses();
            b.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            b.go(href);
            List<JsonNode> seen = new ArrayList<>();
            JsonNode stored;
            try {
                stored = b.until("the stored PDF received", d -> {
                    seen.addAll(b.responses());
                    return seen.stream().filter(r -> r.path("url").asText().contains("X-Amz-Signature")).findFirst().orElse(null);
                });
            } catch (RuntimeException e) {
                throw new AssertionError("responses seen: " + seen.stream().map(r -> r.path("status").asText() + " " + r.path("url").asText()
                        + " " + r.path("headers")).toList(), e);
            }
            JsonNode redirect = seen.stream().filter(r -> r.path("url").asText().equals(href)).findFirst().orElseThrow();
            assertThat(redirect.path("status").asInt()).isEqualTo(302);
            assertThat(stored.path("status").asInt()).isEqualTo(200);
            assertThat(stored.path("mimeType").asText()).isEqualTo("application/pdf");
            assertThat(header(stored, "content-disposition")).startsWith("inline");
            b.screenshot("tasklist-document-inline");
            b.driver().close();
            b.driver().switchTo().window(tasklist);

            // claim, answer the Camunda Form, complete
            List<WebElement> claim = b.driver().findElements(By.xpath("//button[contains(., 'Claim') or contains(., '认领')]"));
            if (!claim.isEmpty()) {
                b.click(claim.get(0));
            }
            b.until("form editable", d -> d.findElements(By.cssSelector(".fjs-container input[type=radio]")).stream()
                    .anyMatch(WebElement::isEnabled) ? true : null);
            WebElement recommend = b.driver().findElement(By.cssSelector(".fjs-container input[type=radio][id$='-cityDecision-0']"));
            assertThat(b.driver().findElement(By.cssSelector("label[for='" + recommend.getAttribute("id") + "']")).getText()).contains("推荐");
            b.click(recommend);
            b.until("RECOMMEND chosen", d -> recommend.isSelected() ? true : null);
            b.screenshot("tasklist-city-review-form");
            b.click(b.driver().findElement(By.xpath("//button[contains(., 'Complete') or contains(., '完成')]")));
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("tasklist-city-review-failure");
            dump(b, "tasklist-city-review-failure");
            throw e;
        }
        await("province review after the city's recommendation", () -> {
            JsonNode app = as("applicant1").get("/api/applications/" + id).json();
            return app.path("status").asText().equals("PROVINCE_REVIEW") ? app : null;
        });
        JsonNode history = as("province").get("/engine-rest/history/variable-instance?processInstanceId="
                + as("applicant1").get("/api/applications/" + id).json().path("processInstanceId").asText() + "&variableName=cityDecision").json();
        assertThat(history.get(0).path("value").asText()).isEqualTo("RECOMMEND");
        b.screenshot("tasklist-city-review-completed");
    }

    @Test
    void nanjingUploadsItsSiteCheckReportInThePortalAndTheOperatorNeverSeesIt() throws Exception {
        CertificationDriver driver = new CertificationDriver(this::as);
        String name = "现场核查门户孵化器" + UUID.randomUUID().toString().substring(0, 6);
        long id = driver.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        driver.awaitStatus(id, "SITE_CHECK");
        Path report = files.resolve("site-check-report.pdf");
        Files.write(report, TestFiles.pdf("现场核查报告 " + name));

        Browser b = browser();
        login(b, "nanjing", "/portal/application.html?id=" + id);
        b.visible("#upload");
        List<String> offered = new Select(b.driver().findElement(By.id("doc-type"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
        assertThat(offered).containsExactly("SITE_CHECK_REPORT"); // the city adds its report, nothing of the operator's
        upload(b, "SITE_CHECK_REPORT", report);
        b.until("listed", d -> d.findElement(By.id("document-list")).getText().contains("现场核查报告及照片") ? true : null);
        b.screenshot("portal-site-check-report");
        assertThat(driver.application(id, "nanjing").path("documents").findValuesAsText("type")).contains("SITE_CHECK_REPORT");
        assertThat(driver.application(id, "applicant1").path("documents").findValuesAsText("type")).doesNotContain("SITE_CHECK_REPORT");
        driver.completeOk("nanjing", driver.awaitTask(id, "CitySiteCheckTask", "nanjing").path("id").asText(),
                CertificationDriver.passedSiteCheck());
    }

    @Test
    void theOperatorAnswersARequestForCorrectionInThePortal() {
        CertificationDriver driver = new CertificationDriver(this::as);
        String name = "补正门户孵化器" + UUID.randomUUID().toString().substring(0, 6);
        long id = driver.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        String taskId = driver.awaitCityReview(id).path("id").asText();
        driver.completeOk("nanjing", taskId, Map.of("cityDecision", "RETURN", "cityComment", "请补充2025年度在孵企业名单"));
        driver.awaitStatus(id, "CORRECTION_REQUESTED");

        Browser b = browser();
        login(b, "applicant1", "/portal/index.html");
        b.until("listed as returned", d -> d.findElement(By.id("applications")).getText().contains(name) ? true : null);
        b.click(b.driver().findElement(By.linkText(name)));
        assertThat(b.visible("#correction-text").getText()).contains("请补充2025年度在孵企业名单");
        WebElement address = b.driver().findElement(By.id("address"));
        address.clear();
        address.sendKeys("南京市江北新区药谷大道11号（补正）");
        b.driver().findElement(By.id("save")).click();
        b.until("saved", d -> d.findElement(By.id("notice")).getText().contains("已保存") ? true : null);
        Path list = files.resolve("tenant_list.pdf");
        try {
            Files.write(list, TestFiles.pdf("补正后的在孵企业名单 " + name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        upload(b, "TENANT_LIST", list);
        assertThat(b.driver().findElement(By.id("submit")).getText()).isEqualTo("补正后重新提交");
        b.click(b.driver().findElement(By.id("submit")));
        b.until("resubmitted", d -> d.findElement(By.id("status")).getText().matches("已提交|市级审核") ? true : null);
        b.screenshot("portal-correction-resubmitted");
        JsonNode view = driver.awaitStatus(id, "CITY_REVIEW");
        assertThat(view.path("address").asText()).endsWith("（补正）");
        assertThat(view.path("documents").findValuesAsText("type").stream().filter("TENANT_LIST"::equals).count()).isEqualTo(2);
        driver.awaitCityReview(id);
    }

    @Test
    void theOperatorFilesItsAnnualReportInThePortal() {
        int year = 2004;
        String name = "年报浏览器孵化器" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.update("UPDATE carrier SET status = 'EXPIRED' WHERE name LIKE '年报浏览器孵化器%'");
        long carrier = registry.certify(new cn.parkflow.registry.Certify(cn.parkflow.registry.CreditCode.of(Drafts.APPLICANT1_CREDIT_CODE),
                "年报浏览器运营机构", name, cn.parkflow.registry.CarrierKind.INCUBATOR, cn.parkflow.registry.Level.PROVINCIAL,
                cn.parkflow.registry.City.NANJING, "南京市玄武区2号", java.util.Set.of(cn.parkflow.registry.Industry.GENERAL_AI), "JIANGSU-2019",
                java.time.LocalDate.of(year, 1, 1), null, null), "it").carrierId();
        assertThat(as("province").post("/api/evaluations", Map.of("year", year)).status()).isEqualTo(201);

        Http applicant = anonymous();
        assertThat(applicant.post("/api/session", Map.of("username", "applicant1", "password", DEMO_PASSWORD)).status()).isEqualTo(200);
        await("the operator's report task", () -> applicant.get("/api/evaluations/report-tasks").json().findValuesAsText("carrierName")
                .contains(name) ? true : null);
        Browser b = browser();
        login(b, "applicant1", "/portal/index.html");
        // the operator may have other reports open (other tests' carriers): this carrier's one
        WebElement link = b.until("report task listed", d -> {
            try { // the page renders its table again when its data arrives: a row found a moment ago may be gone
                return d.findElements(By.cssSelector("#reports tbody tr")).stream()
                        .filter(tr -> tr.getText().contains(name)).flatMap(tr -> tr.findElements(By.cssSelector("a[href*='report.html']")).stream())
                        .findFirst().orElse(null);
            } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
                return null;
            }
        });
        b.click(link);
        b.visible("#ind-tenantCount");
        PortalAccessBrowserIT.checkLabelsAndTabOrder(b, "report.html");
        Map<String, Object> figures = Map.of("tenantCount", 60, "graduatedCount", 31, "highTechTenants", 12, "investmentRaised", 52000000,
                "mentorCount", 21, "eventsPerYear", 30, "professionalStaffShare", 1.6);
        figures.forEach((k, v) -> b.driver().findElement(By.id("ind-" + k)).sendKeys(String.valueOf(v)));
        b.click(b.driver().findElement(By.id("file-report")));
        assertThat(b.visible("[id='err-indicators.professionalStaffShare']").getText()).contains("0到1之间");
        WebElement share = b.driver().findElement(By.id("ind-professionalStaffShare"));
        share.clear();
        share.sendKeys("0.6");
        b.driver().findElement(By.id("narrative")).sendKeys("本年度引进两家专业孵化服务机构");
        b.click(b.driver().findElement(By.id("file-report")));
        b.until("filed", d -> d.findElement(By.id("notice")).getText().contains("已报送") ? true : null);
        b.screenshot("portal-annual-report-filed");
        String rating = await("rated", () -> jdbc.queryForList("SELECT rating FROM evaluation_result WHERE carrier_id = ? AND eval_year = ?",
                String.class, carrier, year).stream().findFirst().orElse(null));
        assertThat(rating).isEqualTo("A");
    }

    @Test
    void anyoneObjectsToAPublicationOnThePublicPage() {
        CertificationDriver driver = new CertificationDriver(this::as);
        String name = "公示异议孵化器" + UUID.randomUUID().toString().substring(0, 6);
        long id = driver.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        driver.throughDecision(id);
        driver.awaitStatus(id, "PUBLICATION");
        // the ITs publish for seconds only: the publication's timer is moved out, so the page is not raced
        String certification = driver.application(id, "applicant1").path("processInstanceId").asText();
        JsonNode publication = as("admin").get("/engine-rest/process-instance?processDefinitionKey=publication&superProcessInstance=" + certification).json();
        assertThat(publication).hasSize(1);
        JsonNode timer = as("admin").get("/engine-rest/job?timers=true&processInstanceId=" + publication.get(0).path("id").asText()).json();
        assertThat(as("admin").put("/engine-rest/job/" + timer.get(0).path("id").asText() + "/duedate",
                Map.of("duedate", "2099-01-01T00:00:00.000+0000")).status()).isEqualTo(204);

        Browser b = browser();
        b.go("/portal/publications.html");
        WebElement button = b.until("listed", d -> d.findElements(By.cssSelector("#publications button[data-id='" + id + "']")).stream()
                .findFirst().orElse(null));
        // the printable notice is one click away and lists the carrier
        Http.Response notice = Http.fetch(URI.create(b.driver().findElement(By.id("notice-pdf")).getAttribute("href")));
        assertThat(notice.status()).isEqualTo(200);
        assertThat(cn.parkflow.testsupport.PdfText.of(notice.body()).joined())
                .contains(button.getAttribute("data-name").replaceAll("\\s+", ""));
        b.click(button);
        b.until("form focused", d -> "objection-title".equals(d.switchTo().activeElement().getAttribute("id")) ? true : null);
        b.click(b.driver().findElement(By.id("send-objection")));
        assertThat(b.visible("[id='err-objectorName']").getText()).isEqualTo("请填写异议人真实姓名");
        assertThat(b.driver().findElement(By.id("err-text")).getText()).isEqualTo("请填写异议内容及理由");
        b.driver().findElement(By.id("objectorName")).sendKeys("张三");
        b.driver().findElement(By.id("contact")).sendKeys("13900000000");
        b.driver().findElement(By.id("text")).sendKeys("该载体在孵企业数量与实际不符，附现场照片。");
        b.click(b.driver().findElement(By.id("send-objection")));
        b.until("received", d -> d.findElement(By.id("notice")).getText().contains("异议已收到") ? true : null);
        b.screenshot("publications-objection-received");
        Integer objections = await("objection stored", () -> {
            int n = jdbc.queryForObject("SELECT COUNT(*) FROM objection WHERE subject = CONCAT('APPLICATION-', ?) AND objector_name = '张三'", Integer.class, id);
            return n > 0 ? n : null;
        });
        assertThat(objections).isEqualTo(1);
        // the publication ends again on its own (the province decides the objection in its ObjectionTask)
        assertThat(as("admin").put("/engine-rest/job/" + timer.get(0).path("id").asText() + "/duedate",
                Map.of("duedate", java.time.OffsetDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))))
                .status()).isEqualTo(204);
    }

    @Test
    void thePublicRegistrySearchFiltersByCity() {
        Browser b = browser();
        b.go("/portal/registry.html");
        b.until("first page", d -> d.findElements(By.cssSelector("#carriers tbody tr")).size() > 0 ? true : null);
        new Select(b.visible("#f-city")).selectByValue("320500");
        b.driver().findElement(By.id("search")).click();
        b.until("filtered", d -> d.getCurrentUrl().contains("city=320500") && d.findElements(By.cssSelector("#carriers tbody tr td:nth-child(5)"))
                .stream().allMatch(td -> td.getText().equals("苏州市")) ? true : null);
        long total = anonymous().get("/api/registry/carriers?city=320500&size=1").json().path("totalElements").asLong();
        assertThat(total).isPositive();
        assertThat(b.driver().findElement(By.id("summary")).getText()).isEqualTo("共 " + total + " 个载体");
        assertThat(b.driver().findElement(By.id("export-xlsx")).getAttribute("href")).contains("format=xlsx").contains("city=320500");
        b.screenshot("registry-suzhou");
        // a carrier's details: certifications, titles, evaluations and history
        WebElement first = b.driver().findElement(By.cssSelector("#carriers tbody tr td a"));
        String carrier = first.getText();
        b.click(first);
        b.until("details", d -> d.findElement(By.id("title")).getText().equals(carrier) ? true : null);
        assertThat(b.visible("#tables").getText()).contains("认定编号", "年度考核", "变更记录");
        assertThat(b.driver().findElement(By.id("summary")).getText()).contains("苏州市");
        // its certificate downloads from the page, and the page then shows the SHA-256 of exactly that file
        WebElement certificate = b.driver().findElement(By.linkText("下载证书（PDF）"));
        Http.Response pdf = Http.fetch(URI.create(certificate.getAttribute("href")));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(cn.parkflow.testsupport.PdfText.of(pdf.body()).joined()).contains(carrier.replaceAll("\\s+", ""));
        b.driver().navigate().refresh();
        String sha256 = TestFiles.sha256(pdf.body());
        b.until("digest shown", d -> d.findElements(By.cssSelector("#tables code.digest")).stream()
                .anyMatch(c -> c.getText().equals(sha256)) ? true : null);
        PortalAccessBrowserIT.checkLabelsAndTabOrder(b, "carrier.html");
    }

    static String header(JsonNode response, String name) {
        var fields = response.path("headers").fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue().asText();
            }
        }
        return "";
    }

    /** The browser's session cookie, in an HTTP client (to read a redirect the browser would follow). */
    Http sessionOf(Browser b) {
        Cookie cookie = b.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("session cookie").isNotNull();
        return Http.to("http://localhost:" + port).with("Cookie", "JSESSIONID=" + cookie.getValue());
    }

    static void dump(Browser b, String name) {
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.writeString(Browser.SCREENSHOTS.resolve(name + ".html"), b.driver().getPageSource());
        } catch (Exception ignored) {
            // the failure itself is what matters
        }
    }
}
