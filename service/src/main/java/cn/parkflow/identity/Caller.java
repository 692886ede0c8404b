package cn.parkflow.identity;

import cn.parkflow.registry.City;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The authenticated user of a request and the Camunda groups it belongs to. */
public record Caller(String userId, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    public boolean in(String group) {
        return groups.contains(group);
    }

    public boolean isAdmin() {
        return in(Roles.ADMIN);
    }

    public boolean isApplicant() {
        return in(Roles.APPLICANT);
    }

    public boolean isProvince() {
        return in(Roles.PROVINCE_REVIEWER) || in(Roles.PROVINCE_APPROVER) || isAdmin();
    }

    /** The cities whose reviewer groups this user belongs to. */
    public List<City> reviewedCities() {
        return groups.stream()
                .filter(g -> g.startsWith(Roles.CITY_PREFIX))
                .map(g -> City.find(g.substring(Roles.CITY_PREFIX.length())))
                .flatMap(Optional::stream)
                .toList();
    }
}
