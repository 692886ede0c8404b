package cn.parkflow.benchmark;

import cn.parkflow.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 标杆孵化器遴选: campaigns, applications and the quota dashboard. */
@RestController
@RequestMapping("/api/benchmark/campaigns")
@Tag(name = "benchmark", description = "标杆孵化器遴选")
class CampaignController {

    private final CampaignService service;

    CampaignController(CampaignService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "发起遴选（省科技厅审核人员）")
    ResponseEntity<CampaignService.CampaignView> open(@Valid @RequestBody OpenCampaign request) {
        CampaignService.CampaignView view = service.open(request, CurrentCaller.get());
        return ResponseEntity.created(URI.create("/api/benchmark/campaigns/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "遴选阶段、各市名额与申报数")
    CampaignService.CampaignView get(@PathVariable long id) {
        return service.get(id);
    }

    @GetMapping("/{id}/dashboard")
    @Operation(summary = "名额看板：各市名额、申报、推荐、入选")
    java.util.List<CampaignService.CityLine> dashboard(@PathVariable long id) {
        return service.get(id).cities();
    }

    @PostMapping("/{id}/applications")
    @Operation(summary = "运营机构为本机构载体申报", description = "截止后 409；不符合条件 422 并列明原因")
    ResponseEntity<CampaignService.Applied> apply(@PathVariable long id, @RequestBody CampaignService.Apply request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.apply(id, request, CurrentCaller.get()));
    }
}
