package cn.parkflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.Browser;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rosters as reviewers use them in the portal: the chain's moves on the province dashboard's sankey and its table, the
 * 在孵企业核查 page where a city marks a firm found on two rosters, and the carrier page's graduates for the operator only.
 * It files rosters of 2019, a year no other test uses.
 */
class TenantBrowserIT extends AbstractBrowserIT {

    static final int YEAR = 2019;

    @Autowired
    RegistryService registry;

    long carrier(String operator, String name, CarrierKind kind, City city) {
        return registry.certify(new Certify(CreditCode.of(operator), "链条浏览器测试运营机构", name, kind, Level.PROVINCIAL, city, "测试路2号",
                Set.of(Industry.QUANTUM), "JIANGSU-2019", LocalDate.of(2018, 1, 1), null, null), "it").carrierId();
    }

    static Map<String, Object> tenant(String code, String name, String entered, String exited) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("creditCode", code);
        t.put("name", name);
        t.put("foundedDate", "2018-01-01");
        t.put("entryDate", entered);
        t.put("industry", "QUANTUM");
        t.put("highTech", false);
        t.put("investment", 0);
        t.put("revenue", 0);
        if (exited != null) {
            t.put("exitDate", exited);
        }
        return t;
    }

    void file(String user, long carrier, List<Map<String, Object>> tenants) {
        Http.Response r = as(user).put("/api/registry/carriers/" + carrier + "/tenants/" + YEAR, tenants);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("rejected")).isEmpty();
    }

    @Test
    void theDashboardDrawsTheChainAndACityMarksADuplicateOnTheTenantPage() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long nursery = carrier(Drafts.APPLICANT1_CREDIT_CODE, "链条页面众创空间" + tag, CarrierKind.NURSERY, City.NANJING);
        long incubator = carrier(Drafts.APPLICANT2_CREDIT_CODE, "链条页面孵化器" + tag, CarrierKind.INCUBATOR, City.SUZHOU);
        long accelerator = carrier(Drafts.APPLICANT1_CREDIT_CODE, "链条页面加速器" + tag, CarrierKind.ACCELERATOR, City.NANJING);
        String both = CreditCode.withCheckCharacter("91320100MA8" + String.format("%06d", Math.abs(tag.hashCode()) % 1_000_000)).value();
        String mover = CreditCode.withCheckCharacter("91320100MA7" + String.format("%06d", Math.abs(tag.hashCode()) % 1_000_000)).value();
        file("applicant1", nursery, List.of(tenant(mover, "链条迁移量子有限公司", "2018-03-01", "2019-02-28"),
                tenant(both, "两处在孵量子有限公司", "2018-05-01", null)));
        file("applicant2", incubator, List.of(tenant(mover, "链条迁移量子有限公司", "2019-03-01", "2019-08-31"),
                tenant(both, "两处在孵量子有限公司", "2019-04-01", null)));
        file("applicant1", accelerator, List.of(tenant(mover, "链条迁移量子有限公司", "2019-09-01", null)));

        // the province dashboard: the year's two moves, one per step along the chain, drawn and tabled
        Browser province = browser();
        login(province, "province", "/portal/dashboard.html");
        province.until("chain drawn", d -> d.findElements(By.cssSelector("#chart-chain svg")).isEmpty() ? null : true);
        new Select(province.visible("#chain-year")).selectByValue(String.valueOf(YEAR));
        province.until("2019 flows", d -> d.findElement(By.id("chain-table")).getText().contains("科技企业加速器") ? true : null);
        String flows = province.driver().findElement(By.id("chain-table")).getText();
        assertThat(flows).contains("共 2 次").contains("创业苗圃/众创空间 科技企业孵化器 1").contains("科技企业孵化器 科技企业加速器 1");
        assertThat((String) province.script("return document.getElementById('chart-chain').innerText"))
                .contains("离开：创业苗圃/众创空间").contains("进入：科技企业加速器");
        province.screenshot("dashboard-chain");

        // Suzhou marks the firm both carriers claim; a note is required
        Browser suzhou = browser();
        login(suzhou, "suzhou", "/portal/tenants.html?year=" + YEAR);
        suzhou.until("duplicate listed", d -> d.findElement(By.id("duplicates")).getText().contains("两处在孵量子有限公司") ? true : null);
        PortalAccessBrowserIT.checkLabelsAndTabOrder(suzhou, "tenants.html");
        WebElement row = suzhou.driver().findElements(By.cssSelector("#duplicates tbody tr")).stream()
                .filter(r -> r.getText().contains("两处在孵量子有限公司")).findFirst().orElseThrow();
        suzhou.click(row.findElement(By.cssSelector("button[data-explained=false]")));
        suzhou.until("note required", d -> d.findElement(By.id("notice")).getText().contains("请写明核实情况") ? true : null);
        row = suzhou.driver().findElements(By.cssSelector("#duplicates tbody tr")).stream()
                .filter(r -> r.getText().contains("两处在孵量子有限公司")).findFirst().orElseThrow();
        row.findElement(By.cssSelector("input[type=text]")).sendKeys("南京名单未填离孵时间，待运营机构说明");
        suzhou.click(row.findElement(By.cssSelector("button[data-explained=false]")));
        suzhou.until("marked", d -> d.findElement(By.id("duplicates")).getText().contains("未说明 南京名单未填离孵时间") ? true : null);
        assertThat(suzhou.driver().findElement(By.id("moves")).getText()).contains("链条迁移量子有限公司");
        suzhou.screenshot("tenants-suzhou");

        // the maker space's page: its operator sees where the firm went, the public does not
        Browser operator = browser();
        login(operator, "applicant1", "/portal/carrier.html?id=" + nursery);
        operator.until("graduates", d -> d.findElements(By.id("graduates")).isEmpty() ? null : true);
        assertThat(operator.driver().findElement(By.id("graduates")).getText()).contains("链条页面孵化器" + tag);
        Browser visitor = browser();
        visitor.go("/portal/carrier.html?id=" + nursery);
        visitor.until("page", d -> d.findElement(By.id("title")).getText().contains("链条页面众创空间") ? true : null);
        visitor.until("tables", d -> d.findElement(By.id("tables")).getText().contains("变更记录") ? true : null);
        assertThat(visitor.driver().findElements(By.id("graduates"))).isEmpty();
        assertThat(visitor.driver().getPageSource()).doesNotContain("链条迁移量子有限公司");
    }

    @Test
    void theOperatorFilesItsRosterInThePortalAndSeesEachRefusedLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String name = "名单页面孵化器" + UUID.randomUUID().toString().substring(0, 6);
        long carrier = carrier(Drafts.APPLICANT1_CREDIT_CODE, name, CarrierKind.INCUBATOR, City.NANJING);
        String good = CreditCode.withCheckCharacter("91320100MA9" + String.format("%06d", Math.abs(name.hashCode()) % 1_000_000)).value();
        java.nio.file.Path csv = dir.resolve("roster-2018.csv");
        java.nio.file.Files.writeString(csv, "\uFEFF统一社会信用代码,企业名称,成立日期,入孵时间,所属产业领域,是否高新技术企业,当年获得投融资额（元）,当年营业收入（元）\n"
                + good + ",南京页面上传科技有限公司,2017-05-01,2017-09-01,量子科技,是,100000,2000000\n"
                + "91320100MA1X2Y3W4Z,校验码错误的企业,2017-05-01,2017-09-01,量子科技,否,0,0\n", java.nio.charset.StandardCharsets.UTF_8);

        Browser operator = browser();
        login(operator, "applicant1", "/portal/index.html");
        operator.until("own carriers", d -> d.findElement(By.id("carriers")).getText().contains(name) ? true : null);
        WebElement row = operator.driver().findElements(By.cssSelector("#carriers tbody tr")).stream().filter(r -> r.getText().contains(name))
                .findFirst().orElseThrow();
        assertThat(row.getText()).contains("尚未报送");
        operator.click(row.findElement(By.linkText("报送名单")));
        operator.until("roster page", d -> d.findElement(By.id("title")).getText().contains(name) ? true : null);
        PortalAccessBrowserIT.checkLabelsAndTabOrder(operator, "roster.html");
        new Select(operator.visible("#year")).selectByValue("2018");
        operator.driver().findElement(By.id("send")).click();
        operator.until("file required", d -> d.findElement(By.id("err-file")).getText().contains("请选择名单文件") ? true : null);
        operator.driver().findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        operator.driver().findElement(By.id("send")).click();
        operator.until("result", d -> d.findElement(By.id("result")).getText().contains("接受 1 行，有误 1 行") ? true : null);
        assertThat(operator.driver().findElement(By.id("result")).getText()).contains("91320100MA1X2Y3W4Z").contains("校验位错误");
        operator.until("roster shown", d -> d.findElement(By.id("roster")).getText().contains("南京页面上传科技有限公司") ? true : null);
        assertThat(operator.driver().findElement(By.id("figures")).getText()).contains("在孵企业数");
        operator.screenshot("roster-operator");
        assertThat(as("nanjing").get("/api/registry/carriers/" + carrier + "/tenants/2018").json().path("tenants").get(0).path("creditCode").asText())
                .isEqualTo(good);
    }
}
