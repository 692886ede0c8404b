package cn.parkflow.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** How the registry's vocabulary travels in requests. */
@Configuration(proxyBeanMethods = false)
class RegistryWebConfiguration {

    /** Cities travel as division codes ({@code ?city=320500}), not as enum names. */
    @Bean
    Converter<String, City> cityConverter() {
        return new Converter<>() {
            @Override
            public City convert(String code) {
                return City.ofCode(code.strip());
            }
        };
    }
}
