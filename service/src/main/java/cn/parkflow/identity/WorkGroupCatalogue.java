package cn.parkflow.identity;

import cn.parkflow.registry.City;
import cn.parkflow.workflow.WorkGroups;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The groups of parkflow (the README's identity paragraph), as the engine's access and the Tasklist inboxes need them. */
@Component
class WorkGroupCatalogue implements WorkGroups {

    @Override
    public List<WorkGroup> groups() {
        List<WorkGroup> groups = new ArrayList<>();
        for (City city : City.values()) {
            groups.add(new WorkGroup(city.reviewerGroup(), city.label() + "科技局", Reach.TASKLIST, city.label() + "待审任务",
                    "本市科技局的审核与推荐任务", false));
        }
        groups.add(new WorkGroup(Roles.PROVINCE_REVIEWER, "省科技厅审核", Reach.TASKLIST_AND_COCKPIT, "省级审核任务",
                "省科技厅形式审查、专家组织与异议处理", false));
        groups.add(new WorkGroup(Roles.PROVINCE_APPROVER, "省科技厅审批", Reach.TASKLIST_AND_COCKPIT, "审批决定任务",
                "省科技厅审批与确认", false));
        groups.add(new WorkGroup(Roles.EXPERT, "评审专家", Reach.TASKLIST, "我的评审任务", "分配给我的专家评审", true));
        groups.add(new WorkGroup(Roles.APPLICANT, "运营机构（申报单位）", Reach.TASKLIST, "我的待办", "需要运营机构处理的补正与年度报告", true));
        return groups;
    }

    @Override
    public String adminGroup() {
        return Roles.ADMIN;
    }
}
