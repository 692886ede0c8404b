package cn.parkflow.accounts;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

@Table("expert")
class ExpertRow {
    @Id Long id;
    String username;
    String displayName;
    String homeCity;
    String employerName;
    String employerCreditCode;
    String title;
    String email;
    String mobile;
    boolean active;
    String createdBy;
    Instant createdAt;
    String updatedBy;
    Instant updatedAt;
    @Version Integer version;
    @MappedCollection(idColumn = "expert_id") Set<ExpertIndustry> industries = new HashSet<>();
    @MappedCollection(idColumn = "expert_id") Set<ExpertConflict> conflicts = new HashSet<>();
}

@Table("expert_industry")
record ExpertIndustry(String industry) {}

@Table("expert_conflict")
record ExpertConflict(String creditCode) {}

interface ExpertRepository extends ListCrudRepository<ExpertRow, Long> {
    Optional<ExpertRow> findByUsername(String username);

    boolean existsByUsername(String username);

    List<ExpertRow> findAllByOrderByUsernameAsc();
}
