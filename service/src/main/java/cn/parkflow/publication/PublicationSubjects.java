package cn.parkflow.publication;

import java.util.List;
import org.springframework.stereotype.Component;

/** Finds the handler of a publication subject. */
@Component
class PublicationSubjects {

    private final List<PublicationSubject> handlers;

    PublicationSubjects(List<PublicationSubject> handlers) {
        this.handlers = handlers;
    }

    PublicationSubject of(String subject) {
        return handlers.stream().filter(h -> h.handles(subject)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no publication handler for subject " + subject));
    }
}
