package com.subscriptionbff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The production application, as the jar starts it, without a database URL: it stops at startup and says why. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRequiredIT {

    @Test
    void withoutADatabaseUrlTheServiceRefusesToStartAndSaysWhatToSet(CapturedOutput output) {
        assertThatException().isThrownBy(() -> SpringApplication.run(SubscriptionBffApplication.class,
                "--server.port=0", "--management.server.port=0"));
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("No database is configured: SPRING_DATASOURCE_URL (spring.datasource.url) is not set")
                .contains("Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD")
                .doesNotContain("H2, HSQL or Derby");
    }
}
