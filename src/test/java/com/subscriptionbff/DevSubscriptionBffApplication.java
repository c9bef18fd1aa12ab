package com.subscriptionbff;

import com.subscriptionbff.demo.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;

/**
 * A development run, `./mvnw spring-boot:run`: the service as in production, plus an embedded PostgreSQL 18 when no
 * `spring.datasource.url` is set (then demo mode is on: demo data and demo tokens). Spring Boot's recipe for
 * development-time services, on the test classpath so that the jar holds no PostgreSQL.
 */
public class DevSubscriptionBffApplication {

    public static void main(String[] args) {
        SpringApplication.from(SubscriptionBffApplication::main).with(EmbeddedDatabase.class).run(args);
    }
}
