package cn.parkflow.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs where to go once parkflow is up. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + web.getWebServer().getPort();
        log.info("""

                ==== parkflow is running ====
                  Camunda Cockpit / Tasklist / Admin : {}/camunda/app/
                  REST API                           : {}/api   (HTTP Basic)
                  Camunda engine REST                : {}/engine-rest
                  OpenAPI                            : {}/swagger-ui.html
                  Public registry                    : {}/api/registry/carriers
                  Demo data                          : {}
                """, base, base, base, base, base,
                env.getProperty("parkflow.demo.enabled", Boolean.class, false)
                        ? "on, users admin / nanjing / province / approver / expert1 / applicant1 …, password demo"
                        : "off");
    }
}
