package cn.parkflow.application;

import cn.parkflow.system.Outcomes;
import cn.parkflow.system.Pdf;
import cn.parkflow.system.PublicAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** 公示: what is under publication now, public. */
@RestController
@Tag(name = "publications", description = "公示（公开）")
class PublicationController {

    private final ApplicationStages workflow;
    private final cn.parkflow.system.ParkflowProperties properties;

    PublicationController(ApplicationStages workflow, cn.parkflow.system.ParkflowProperties properties) {
        this.workflow = workflow;
        this.properties = properties;
    }

    @GetMapping("/api/publications")
    @Operation(summary = "正在公示的项目", description = "名称、运营机构、类型、级别、设区市、地址和公示截止时间")
    @PublicAccess
    List<ApplicationStages.PublicationEntry> current() {
        return workflow.publications();
    }

    @GetMapping(path = "/api/publications/notice.pdf", produces = cn.parkflow.system.Pdf.CONTENT_TYPE)
    @Operation(summary = "公示公告 PDF", description = "正在公示的全部载体、各自的公示期和异议方式；同一名单生成的文件逐字节相同")
    @PublicAccess
    @Outcomes(files = Pdf.CONTENT_TYPE)
    org.springframework.http.ResponseEntity<byte[]> notice() {
        byte[] pdf = PublicationNotice.render(workflow.publications(), properties.publicLink("/portal/publications.html"));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename("认定公示.pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
