package com.subscriptionbff;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SubscriptionBffApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriptionBffApplication.class, args);
    }
}
