package cn.parkflow.benchmark;

import cn.parkflow.accounts.ExpertSeats;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.workflow.Tasks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The experts' open 专家评分 tasks of the benchmark selection, and their hand-over when an expert is deactivated. */
@Component
class BenchmarkExpertSeats implements ExpertSeats {

    private final Tasks tasks;
    private final SelectionRecords records;
    private final BenchmarkApplicationRepository applications;
    private final RegistryReader registry;

    BenchmarkExpertSeats(Tasks tasks, SelectionRecords records, BenchmarkApplicationRepository applications, RegistryReader registry) {
        this.tasks = tasks;
        this.records = records;
        this.applications = applications;
        this.registry = registry;
    }

    @Override
    public List<Seat> openSeats(String expert) {
        List<Seat> seats = new ArrayList<>();
        for (Tasks.AssignedTask task : tasks.assignedTo(BenchmarkProcess.KEY, BenchmarkProcess.EXPERT_SCORING_TASK, expert,
                List.of(BenchmarkProcess.ASSIGNMENT))) {
            long id = BenchmarkProcess.assignedApplication(String.valueOf(task.variables().get(BenchmarkProcess.ASSIGNMENT)));
            BenchmarkApplicationRow a = records.application(id);
            var carrier = registry.find(a.carrierId).orElseThrow(() -> new IllegalStateException("no carrier " + a.carrierId)).carrier();
            seats.add(new Seat(task.id(), id, "标杆孵化器申报 #" + id + "（" + carrier.name() + "）专家评分",
                    SelectionRanking.subject(carrier), new HashSet<>(a.expertList())));
        }
        return seats;
    }

    @Override
    public void reassign(Seat seat, String expert, String replacement) {
        BenchmarkApplicationRow a = records.application(seat.reference());
        tasks.reassign(seat.taskId(), replacement, Map.of(BenchmarkProcess.ASSIGNMENT, BenchmarkProcess.assignment(a.id, replacement)));
        List<String> panel = new ArrayList<>(a.expertList());
        panel.replaceAll(e -> e.equals(expert) ? replacement : e);
        a.experts = String.join(",", panel);
        a.notePanel("评审专家 " + expert + " 已停用，其评分改由 " + replacement + " 承担");
        applications.save(a);
    }
}
