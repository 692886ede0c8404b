package cn.parkflow.certification;

import static cn.parkflow.registry.FormText.markdown;

import cn.parkflow.application.ApplicationStages;
import cn.parkflow.application.ApplicationView;
import cn.parkflow.registry.FormText;
import cn.parkflow.registry.Industry;
import cn.parkflow.system.ParkflowProperties;
import cn.parkflow.tenant.RosterFigures;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the certification process carries of an application: its start variables and what its Tasklist forms show. */
@Component
class CertificationForms {

    private static final DateTimeFormatter HISTORY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ApplicationStages applications;
    private final ParkflowProperties properties;
    private final Clock clock;

    CertificationForms(ApplicationStages applications, ParkflowProperties properties, Clock clock) {
        this.applications = applications;
        this.properties = properties;
        this.clock = clock;
    }

    /** The variables a certification starts with: who reviews, who corrects, the periods, what the forms show. */
    @Transactional(readOnly = true)
    Map<String, Object> startVariables(long id) {
        ApplicationView view = applications.view(id, false);
        ApplicationStages.Facts facts = applications.facts(id);
        Map<String, Object> v = new HashMap<>(displayVariables(view));
        v.put(CertificationProcess.APPLICATION_ID, id);
        v.put(CertificationProcess.APPLICANT, facts.ownerId());
        v.put(CertificationProcess.CITY_GROUP, view.city().reviewerGroup());
        v.put("city", view.city().code());
        v.put("kind", view.kind().name());
        v.put(CertificationProcess.LEVEL, view.level().name());
        v.put(CertificationProcess.RETURNED_BY, "NONE");
        v.put(CertificationProcess.CORRECTION_PERIOD, properties.correctionPeriod().toString());
        v.put(CertificationProcess.PUBLICATION_PERIOD, properties.publicationPeriod(view.kind().name()).toString());
        v.put(CertificationProcess.PUBLICATION_SUBJECT, CertificationProcess.subject(id));
        return v;
    }

    private static Map<String, Object> displayVariables(ApplicationView view) {
        Map<String, Object> v = new HashMap<>();
        v.put("carrierName", view.carrierName());
        v.put("operatorName", view.operatorName());
        v.put("creditCode", view.creditCode());
        v.put("kindLabel", view.kind().label());
        v.put("levelLabel", view.level().label());
        v.put("cityName", view.city().label());
        v.put("address", view.address());
        v.put("industriesText", view.industries().stream().map(Industry::label).collect(Collectors.joining("、")));
        return v;
    }

    /** The 名单核对 of the city's and the province's forms: the declared figures against the carrier's roster, if any. */
    @Transactional(readOnly = true)
    String rosterMarkdown(long id) {
        return applications.rosterCheck(id).map(RosterFigures::markdown)
                .orElse("该载体尚无近两年的在孵企业名单（未在登记册中，或运营机构尚未报送），上述主要指标以申报数为准。");
    }

    /**
     * What reviewers read in their Tasklist forms, as markdown: key indicators, the eligibility
     * result, the earlier steps with their comments, and links to each document (served through the
     * access-checked document endpoint).
     */
    @Transactional(readOnly = true)
    Map<String, Object> reviewVariables(long id, boolean forOperator) {
        ApplicationView view = applications.view(id, forOperator);
        Map<String, Object> v = new HashMap<>(displayVariables(view));
        v.put("indicatorsMarkdown", FormText.indicatorTable(view.indicators()));
        StringBuilder history = new StringBuilder();
        view.timeline().stream().filter(t -> !"DOCUMENT_UPLOADED".equals(t.action())).forEach(t -> history.append("- ")
                .append(HISTORY_TIME.format(t.at().atZone(clock.getZone()))).append(" ").append(markdown(t.actor())).append("：")
                .append(markdown(t.comment() == null ? t.action() : t.comment())).append("\n"));
        v.put("historyMarkdown", history.toString());
        StringBuilder docs = new StringBuilder();
        view.documents().forEach(d -> docs.append("- [").append(d.typeLabel()).append("：").append(markdown(d.fileName()))
                .append("](/api/applications/").append(id).append("/documents/").append(d.id()).append(")\n"));
        v.put("documentsMarkdown", docs.isEmpty() ? "（无材料）" : docs.toString());
        if (view.eligibility() != null) {
            v.put(CertificationProcess.ELIGIBLE, view.eligibility().eligible());
        }
        if (!forOperator) { // the operator's correction task names no expert and no score
            v.put("expertSummaryMarkdown", view.expertPanels().isEmpty() ? "（尚无专家评审意见）"
                    : view.expertPanels().stream().map(p -> "- " + markdown(p.text())).collect(Collectors.joining("\n")) + "\n");
            v.put("siteCheckMarkdown", view.siteChecks().isEmpty() ? "（尚未开展现场核查）" : view.siteChecks().stream()
                    .map(c -> "- " + c.date() + " " + (c.passed() ? "通过" : "未通过") + "（核查人员：" + markdown(c.inspectors()) + "）："
                            + markdown(c.findings()))
                    .collect(Collectors.joining("\n")) + "\n");
        }
        return v;
    }
}
