package cn.parkflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** parkflow: certification of Jiangsu's incubation carriers on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParkflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParkflowApplication.class, args);
    }
}
