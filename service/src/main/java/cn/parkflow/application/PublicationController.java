package cn.parkflow.application;

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

    PublicationController(ApplicationStages workflow) {
        this.workflow = workflow;
    }

    @GetMapping("/api/publications")
    @Operation(summary = "正在公示的项目", description = "名称、运营机构、类型、级别、设区市、地址和公示截止时间")
    List<ApplicationStages.PublicationEntry> current() {
        return workflow.publications();
    }
}
