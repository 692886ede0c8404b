package cn.parkflow.application;

import cn.parkflow.registry.Authorities;
import cn.parkflow.system.Pdf;
import cn.parkflow.system.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The publication notice (公示) as the province prints and posts it: every carrier under publication with its period,
 * and how to object. Dated the day the latest of them opened, so the same list prints the same bytes.
 */
final class PublicationNotice {


    private PublicationNotice() {}

    static byte[] render(List<ApplicationStages.PublicationEntry> entries, String publicationsPage) {
        LocalDate dated = entries.stream().map(e -> e.publicationStart() == null ? e.publicationEnd() : e.publicationStart())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).map(PublicationNotice::day).orElse(null);
        List<List<String>> rows = new ArrayList<>();
        for (ApplicationStages.PublicationEntry e : entries) {
            rows.add(List.of(String.valueOf(rows.size() + 1), e.carrierName(), e.operatorName(), e.levelLabel() + e.kindLabel(),
                    e.cityName(), period(e.publicationStart(), e.publicationEnd())));
        }
        return Pdf.write(new Pdf.Meta("江苏省科技企业孵化载体认定公示", "拟认定载体名单（" + entries.size() + " 家）", Authorities.PROVINCE, dated), false, page -> {
            page.gap(12).title("江苏省科技企业孵化载体认定公示", 20).gap(16);
            if (entries.isEmpty()) {
                page.paragraph("目前没有正在公示的拟认定载体。", 12).gap(12);
            } else {
                page.paragraph("根据江苏省科技企业孵化载体认定管理的有关规定，经运营机构申报、设区市科技主管部门审核推荐、省科学技术厅组织专家评审，"
                                + "现将以下 " + entries.size() + " 家拟认定载体予以公示，接受社会监督。各载体的公示期见下表，公示截止时间以北京时间为准。", 12)
                        .gap(10)
                        .table(List.of(new Pdf.Column("序号", 0.6f, Pdf.Align.CENTER), new Pdf.Column("载体名称", 3),
                                new Pdf.Column("运营机构", 3), new Pdf.Column("类型及级别", 2.2f), new Pdf.Column("设区市", 1.1f, Pdf.Align.CENTER),
                                new Pdf.Column("公示期", 2.4f)), rows, 9.5f)
                        .gap(16);
            }
            page.heading("异议方式", 13).gap(4)
                    .paragraph("公示期内，任何单位和个人对公示载体有异议的，可通过江苏省科技企业孵化载体管理平台“公示”栏目在线提出。"
                            + "异议须实名书面提出，写明异议人真实姓名、联系方式、异议内容及理由，并附必要的证明材料；以单位名义提出的，应写明单位名称。"
                            + "匿名异议和公示期满后提出的异议不予受理。省科学技术厅对异议进行核实处理，并对异议人的信息保密。", 12)
                    .link("提出异议：", publicationsPage, 10.5f)
                    .gap(36)
                    .signed(Authorities.PROVINCE, dated, 13);
        });
    }

    /** The days of a period, its end being the midnight after its last day (Beijing time). */
    static String period(Instant start, Instant end) {
        String last = Pdf.day(day(end.minusMillis(1)));
        return start == null ? "至 " + last : Pdf.day(day(start)) + " 至 " + last;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, WorkingCalendar.ZONE);
    }
}
