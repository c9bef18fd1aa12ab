package com.subscriptionbff;

import com.subscriptionbff.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDL in schema/ is the contract: every field and argument is mapped, nullness agrees with the Java side. */
class SchemaContractIT extends IntegrationTest {

    @Test
    void schemaInspectionFindsNothingUnmapped() {
        var report = schemaReport();
        assertThat(report).as("schema report captured at startup").isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.skippedTypes()).isEmpty();
        assertThat(report.fieldNullnessErrors()).isEmpty();
        assertThat(report.argumentNullnessErrors()).isEmpty();
    }

    @Test
    void theDomainSubscriptionTypeIsNotTheRootOfLiveUpdates() {
        as(com.subscriptionbff.demo.DemoData.OWNER)
                .document("{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }").execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query")
                .path("__schema.mutationType.name").entity(String.class).isEqualTo("Mutation")
                .path("__schema.subscriptionType.name").entity(String.class).isEqualTo("Live");
    }
}
