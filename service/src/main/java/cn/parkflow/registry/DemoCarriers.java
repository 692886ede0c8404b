package cn.parkflow.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Demo registry for the embedded default: four carriers in each of the 13 cities (52), every kind and
 * level, several future industries, some with a provincial and a later national certification, a few
 * benchmark titles and evaluations. Written through {@link RegistryService} like real certifications,
 * and only into an empty registry.
 */
@Component
@ConditionalOnProperty(name = "parkflow.demo.enabled", havingValue = "true")
class DemoCarriers {

    private static final Logger log = LoggerFactory.getLogger(DemoCarriers.class);

    private static final String[][] DISTRICTS = {
            {"江北新区", "玄武区"}, {"新吴区", "滨湖区"}, {"经开区", "云龙区"}, {"武进区", "新北区"},
            {"工业园区", "高新区"}, {"崇川区", "通州区"}, {"海州区", "连云区"}, {"清江浦区", "淮安区"},
            {"亭湖区", "盐都区"}, {"邗江区", "广陵区"}, {"京口区", "丹徒区"}, {"医药高新区", "海陵区"},
            {"宿城区", "宿豫区"}};

    private static final Industry[] THEMES = {
            Industry.THIRD_GEN_SEMICONDUCTOR, Industry.GENERAL_AI, Industry.CELL_GENE, Industry.NEW_ENERGY_STORAGE,
            Industry.FUTURE_NETWORK, Industry.HYDROGEN, Industry.SYNTHETIC_BIOLOGY, Industry.FRONTIER_MATERIALS,
            Industry.HUMANOID_ROBOT, Industry.QUANTUM, Industry.ZERO_NEGATIVE_CARBON, Industry.VIRTUAL_REALITY,
            Industry.OTHER};

    private static final String[] SUFFIX = {"众创空间", "科技企业孵化器", "育成中心", "科技企业加速器", "未来产业科技园"};

    record DemoCarrier(Certify certify, Level upgradeTo, boolean benchmark, CarrierStatus status) {}

    private final RegistryService registry;
    private final CarrierRepository carriers;
    private final EvaluationRepository evaluations;

    DemoCarriers(RegistryService registry, CarrierRepository carriers, EvaluationRepository evaluations) {
        this.registry = registry;
        this.carriers = carriers;
        this.evaluations = evaluations;
    }

    static List<DemoCarrier> carriers() {
        List<DemoCarrier> out = new ArrayList<>();
        CarrierKind[] kinds = CarrierKind.values();
        City[] cities = City.values();
        int n = 0;
        for (int c = 0; c < cities.length; c++) {
            City city = cities[c];
            for (int k = 0; k < 4; k++, n++) {
                CarrierKind kind = kinds[n % kinds.length];
                Level level = kind == CarrierKind.FUTURE_INDUSTRY_PARK ? Level.PROVINCIAL : Level.values()[(n / 5) % 3];
                String district = DISTRICTS[c][k % 2];
                Industry theme = THEMES[(c + k * 3) % THEMES.length];
                String themeName = theme == Industry.OTHER ? "创新" : theme.label();
                String shortCity = city.label().substring(0, city.label().length() - 1);
                String name = shortCity + district + themeName + SUFFIX[kind.ordinal()];
                String operator = shortCity + district + themeName + "科技发展有限公司";
                String first17 = "9132" + city.code().substring(2) + "MA" + "%06d".formatted(1000 + n * 37) + "X";
                CreditCode code = CreditCode.withCheckCharacter(first17.substring(0, 17));
                Set<Industry> industries = theme == Industry.OTHER ? Set.of(Industry.OTHER)
                        : Set.of(theme, THEMES[(c + k * 3 + 1) % (THEMES.length - 1)]);
                LocalDate since = LocalDate.of(2019 + n % 6, 1 + n % 12, 1 + n % 27);
                String ruleSet = switch (kind) {
                    case INCUBATOR -> level == Level.NATIONAL ? "NATIONAL-2018" : "JIANGSU-2019";
                    case NURSERY -> level == Level.NATIONAL ? "NATIONAL-NURSERY-2017" : "JIANGSU-NURSERY-2019";
                    default -> "ASSUMED-" + kind.name() + "-2024";
                };
                Certify certify = new Certify(code, operator, name, kind, level, city, city.label() + district + "创新大道" + (n + 1) + "号",
                        industries, ruleSet, since, null, null);
                boolean upgrade = kind == CarrierKind.INCUBATOR && level == Level.PROVINCIAL && n % 2 == 1;
                boolean benchmark = kind == CarrierKind.INCUBATOR && level != Level.CITY && theme.isFutureIndustry() && n % 2 == 0;
                CarrierStatus status = n % 17 == 5 ? CarrierStatus.WARNING : CarrierStatus.ACTIVE;
                out.add(new DemoCarrier(certify, upgrade ? Level.NATIONAL : null, benchmark, status));
            }
        }
        return out;
    }

    @EventListener
    @Order(25) // before anything else writes carriers: it seeds only an empty registry
    @Transactional
    public void onReady(ApplicationReadyEvent event) {
        if (carriers.count() > 0) {
            return;
        }
        for (DemoCarrier demo : carriers()) {
            RegistryService.Certified certified = registry.certify(demo.certify(), "demo");
            Certify c = demo.certify();
            if (demo.upgradeTo() != null) {
                registry.certify(new Certify(c.creditCode(), c.operatorName(), c.carrierName(), c.kind(), demo.upgradeTo(),
                        c.city(), c.address(), c.industries(), "NATIONAL-2018", c.validFrom().plusYears(2), null, null), "demo");
            }
            if (demo.benchmark()) {
                registry.grantTitle(certified.carrierId(), "BENCHMARK", "2025年度标杆孵化器遴选", LocalDate.of(2025, 12, 1),
                        LocalDate.of(2028, 11, 30), "demo");
            }
            int year = 2024;
            if (c.validFrom().getYear() < year) {
                String rating = demo.status() == CarrierStatus.WARNING ? "D" : String.valueOf("ABBC".charAt((int) (certified.carrierId() % 4)));
                evaluations.save(new EvaluationRow(null, certified.carrierId(), year, rating, null, "2024年度考核", java.time.Instant.now()));
            }
            if (demo.status() != CarrierStatus.ACTIVE) {
                CarrierRow row = carriers.findById(certified.carrierId()).orElseThrow();
                row.status = demo.status();
                carriers.save(row);
                registry.record("demo", row.id, "STATUS_CHANGED", "2024年度考核不合格，列为警示");
            }
        }
        log.info("Demo profile: registry seeded with {} carriers", carriers.count());
    }
}
