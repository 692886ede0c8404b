package cn.parkflow.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

@Table("operator_registration")
class RegistrationRow {
    @Id Long id;
    String username;
    String displayName;
    String operatorName;
    String creditCode;
    String city;
    String mobile;
    String email;
    RegistrationStatus status;
    String reason;
    Instant registeredAt;
    String decidedBy;
    Instant decidedAt;
    @Version Integer version;
}

interface RegistrationRepository extends ListCrudRepository<RegistrationRow, Long> {
    Optional<RegistrationRow> findByUsername(String username);

    boolean existsByUsername(String username);

    List<RegistrationRow> findByStatusOrderByRegisteredAtAsc(RegistrationStatus status);

    List<RegistrationRow> findByCityInAndStatusOrderByRegisteredAtAsc(List<String> cities, RegistrationStatus status);

    List<RegistrationRow> findAllByOrderByRegisteredAtAsc();

    List<RegistrationRow> findByCityInOrderByRegisteredAtAsc(List<String> cities);
}
