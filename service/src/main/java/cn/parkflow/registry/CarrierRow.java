package cn.parkflow.registry;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code carrier}; its industries travel with it. */
@Table("carrier")
class CarrierRow {
    @Id Long id;
    String creditCode;
    String operatorName;
    String name;
    CarrierKind kind;
    Level level;
    String city;
    String address;
    CarrierStatus status;
    Instant createdAt;
    Instant updatedAt;
    @Version Integer version;
    @MappedCollection(idColumn = "carrier")
    Set<IndustryRef> industries = new HashSet<>();

    @Table("carrier_industry")
    record IndustryRef(Industry industry) {}
}
