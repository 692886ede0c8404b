package cn.parkflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS channel until a real gateway is configured: each message goes to the log, masked but for the last four digits. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String mobile, String text) {
        String masked = mobile.length() <= 4 ? mobile : "*".repeat(mobile.length() - 4) + mobile.substring(mobile.length() - 4);
        log.info("SMS to {}: {}", masked, text);
    }

    @Configuration
    static class Fallback {
        @Bean
        @ConditionalOnMissingBean(SmsGateway.class)
        SmsGateway loggingSmsGateway() {
            return new LoggingSmsGateway();
        }
    }
}
