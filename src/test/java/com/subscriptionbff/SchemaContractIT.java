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

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.graphql.execution.GraphQlSource graphQlSource;

    /** The documents the front ends ship (the trusted list in production) are valid against the schema. */
    @Test
    void everyShippedDocumentIsValid() throws Exception {
        var documents = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:graphql-allowlist/*.graphql");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(21);
        for (var document : documents) {
            String text = document.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            var parsed = graphql.ParseAndValidate.parseAndValidate(graphQlSource.schema(),
                    graphql.ExecutionInput.newExecutionInput(text).build());
            assertThat(parsed.getErrors()).as(document.getFilename()).isEmpty();
        }
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
