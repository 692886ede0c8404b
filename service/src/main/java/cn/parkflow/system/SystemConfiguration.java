package cn.parkflow.system;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** Cross-cutting beans: the clock (China Standard Time) and request-parameter conversion. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {


    @Bean
    Clock clock() {
        return Clock.system(WorkingCalendar.ZONE);
    }

    /**
     * Plain (unquoted) identifiers in Spring Data JDBC's SQL, so the same lower-case schema serves
     * H2 and MySQL/MariaDB.
     */
    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
