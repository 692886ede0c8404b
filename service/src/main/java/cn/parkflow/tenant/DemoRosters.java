package cn.parkflow.tenant;

import cn.parkflow.identity.UserDirectory;
import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.system.TableRows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo carriers of the demo operators, with last year's rosters: applicant1's maker space in Nanjing and applicant2's
 * city-level incubator in Suzhou. Two firms moved from the maker space to the incubator (the chain shows them), one is on
 * both rosters at once (a duplicate to mark), one graduated, one was too old at entry. Certified this year, so that no
 * earlier evaluation counts them. Written once, when the demo operators have no carrier of that name.
 */
@Component
@ConditionalOnProperty(name = "parkflow.demo.enabled", havingValue = "true")
class DemoRosters {

    private static final Logger log = LoggerFactory.getLogger(DemoRosters.class);

    static final String NURSERY = "南京江北新区生命科学园众创空间";
    static final String INCUBATOR = "苏州工业园区纳米城科技企业孵化器";

    private static final String[] WORDS = {"基因", "细胞", "合成", "纳米", "量子", "芯片", "储能", "氢能", "视觉", "机器人", "材料", "算力",
            "医疗", "传感", "光电"};

    private final RegistryService registry;
    private final RegistryReader reader;
    private final UserDirectory users;
    private final TenantRosters rosters;
    private final Clock clock;

    DemoRosters(RegistryService registry, RegistryReader reader, UserDirectory users, TenantRosters rosters, Clock clock) {
        this.registry = registry;
        this.reader = reader;
        this.users = users;
        this.rosters = rosters;
        this.clock = clock;
    }

    @EventListener
    @Order(30) // after the demo accounts (20), whose operator credit codes it reads
    @Transactional
    public void onReady(ApplicationReadyEvent event) {
        Optional<String> first = users.operatorCreditCode("applicant1");
        Optional<String> second = users.operatorCreditCode("applicant2");
        if (first.isEmpty() || second.isEmpty()
                || reader.operatedBy(List.of(first.get())).stream().anyMatch(c -> c.name().equals(NURSERY))) {
            return;
        }
        int year = LocalDate.now(clock).getYear() - 1;
        LocalDate certified = LocalDate.of(year + 1, 1, 1);
        CarrierBrief nursery = brief(registry.certify(new Certify(CreditCode.of(first.get()), "南京江北新区生命科学园运营机构", NURSERY,
                CarrierKind.NURSERY, Level.PROVINCIAL, City.NANJING, "南京市江北新区药谷大道9号", Set.of(Industry.CELL_GENE, Industry.SYNTHETIC_BIOLOGY),
                "JIANGSU-NURSERY-2019", certified, null, null), "demo").carrierId());
        CarrierBrief incubator = brief(registry.certify(new Certify(CreditCode.of(second.get()), "苏州工业园区纳米城运营机构", INCUBATOR,
                CarrierKind.INCUBATOR, Level.CITY, City.SUZHOU, "苏州工业园区金鸡湖大道99号", Set.of(Industry.FRONTIER_MATERIALS, Industry.CELL_GENE),
                "JIANGSU-2019", certified, null, null), "demo").carrierId());

        List<Map<String, Object>> atNursery = new ArrayList<>();
        List<Map<String, Object>> atIncubator = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> t = tenant("320100", i, "南京", year - 1, 2 + i % 9);
            switch (i) {
                case 0, 1 -> { // moved on to the incubator in Suzhou
                    t.put("exitDate", year + "-0" + (3 + 2 * i) + "-31");
                    t.put("exitReason", "迁入孵化器继续孵化");
                    t.put("movedToCreditCode", second.get());
                    Map<String, Object> there = new LinkedHashMap<>(t);
                    there.remove("exitDate");
                    there.remove("exitReason");
                    there.remove("movedToCreditCode");
                    there.put("entryDate", year + "-0" + (4 + 2 * i) + "-15");
                    atIncubator.add(there);
                }
                case 2 -> { // on both rosters at once
                    Map<String, Object> there = new LinkedHashMap<>(t);
                    there.put("entryDate", year + "-06-01");
                    atIncubator.add(there);
                }
                case 3 -> {
                    t.put("graduatedDate", year + "-11-30");
                    t.put("graduationCriterion", "INVESTMENT");
                    t.put("investment", 5200000);
                }
                case 4 -> t.put("foundedDate", (year - 5) + "-03-01"); // too old at entry
                default -> { }
            }
            atNursery.add(t);
        }
        for (int i = 0; i < 10; i++) {
            Map<String, Object> t = tenant("320500", i, "苏州", year - 1, 3 + i % 7);
            t.put("highTech", i % 3 == 0);
            atIncubator.add(t);
        }
        rosters.store(nursery, year, TableRows.json(atNursery), "JSON", "demo", false);
        rosters.store(incubator, year, TableRows.json(atIncubator), "JSON", "demo", false);
        log.info("Demo profile: {} and {} certified with {} rosters", NURSERY, INCUBATOR, year);
    }

    private CarrierBrief brief(long id) {
        return reader.brief(id);
    }

    private static Map<String, Object> tenant(String division, int i, String place, int enteredYear, int month) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("creditCode", CreditCode.withCheckCharacter("91" + division + "MA" + (division.equals("320100") ? "5" : "6")
                + "%06d".formatted(100 + i)).value());
        t.put("name", place + WORDS[i % WORDS.length] + (i < WORDS.length ? "" : i) + "科技有限公司");
        t.put("foundedDate", enteredYear - 1 + "-%02d-01".formatted(month));
        t.put("entryDate", enteredYear + "-%02d-10".formatted(month));
        t.put("industry", i % 2 == 0 ? "CELL_GENE" : "FRONTIER_MATERIALS");
        t.put("highTech", i % 4 == 1);
        t.put("investment", i % 3 == 0 ? 800000 + i * 10000 : 0);
        t.put("revenue", 1500000 + i * 250000);
        return t;
    }
}
