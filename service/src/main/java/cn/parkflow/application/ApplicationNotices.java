package cn.parkflow.application;

import cn.parkflow.identity.Roles;
import cn.parkflow.identity.UserDirectory;
import cn.parkflow.notification.NoticeKind;
import cn.parkflow.notification.Notifications;
import cn.parkflow.registry.City;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the operator (every account of the applying operator, and the account that filed) and the city hear of an
 * application's milestones: its publication opening and the decision. Written with the step, delivered by the outbox.
 */
@Component
class ApplicationNotices {

    private final Notifications notifications;
    private final UserDirectory users;

    ApplicationNotices(Notifications notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    void publicationOpened(ApplicationRow row, Instant end) {
        Set<String> people = operator(row);
        people.addAll(notifications.membersOf(List.of(Roles.CITY_PREFIX + row.city)));
        notifications.send(people, NoticeKind.PUBLICATION_OPENED, Map.of("subject", row.carrierName,
                "kindLabel", row.kind.label(), "cityName", City.ofCode(row.city).label(),
                "publicationEnd", Notifications.TIME.format(end.minusMillis(1))), "/portal/publications.html");
    }

    void certified(ApplicationRow row, long carrierId, String number) {
        notifications.send(operator(row), NoticeKind.CERTIFIED, Map.of("subject", row.carrierName, "kindLabel", row.kind.label(),
                "levelLabel", row.level.label(), "certificationNumber", number), "/portal/carrier.html?id=" + carrierId);
    }

    void rejected(ApplicationRow row, String comment) {
        notifications.send(operator(row), NoticeKind.REJECTED, Map.of("subject", row.carrierName,
                "comment", comment == null ? "" : comment), "/portal/application.html?id=" + row.id);
    }

    private Set<String> operator(ApplicationRow row) {
        Set<String> people = new LinkedHashSet<>();
        if (row.ownerId != null) {
            people.add(row.ownerId);
        }
        people.addAll(users.operatorAccounts(row.creditCode));
        return people;
    }
}
