package vn.cascadebench.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline for the load benchmark's start-up and memory figures: Camunda's Spring Boot
 * starters (engine, REST, webapps) and nothing of Cascade. Outside {@code vn.cascade} so that
 * component scanning finds none of Cascade's beans; started with {@code --spring.config.name}
 * set to a name no file has, so that Cascade's application.yaml is not read either.
 */
@SpringBootApplication
public class BareCamundaApplication {}
