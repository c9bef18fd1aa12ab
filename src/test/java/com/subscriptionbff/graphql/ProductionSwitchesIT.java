package com.subscriptionbff.graphql;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.demo.DemoTokens;
import com.subscriptionbff.demo.EmbeddedDatabase;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What production turns off: GraphiQL and introspection (on in demo and dev by default). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bff.demo.enabled=true", "spring.graphql.graphiql.enabled=false",
        "spring.graphql.schema.introspection.enabled=false"})
@Import(EmbeddedDatabase.class)
class ProductionSwitchesIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoTokens tokens;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> query(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", "Bearer " + tokens.issue(DemoData.OWNER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")));
    }

    /** Switching introspection off is JVM-wide in graphql-java: give it back to the other test contexts. */
    @AfterAll
    static void restoreIntrospection() {
        Introspection.enabledJvmWide(true);
    }

    @Test
    void graphiqlIsGoneAndIntrospectionRefusedWhileQueriesStillWork() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql"))).statusCode())
                .isEqualTo(404);
        assertThat(query("{ __schema { queryType { name } } }").body()).contains("errors").doesNotContain("\"Query\"");
        assertThat(query("{ viewer { displayName } }").body()).contains("Alice Martin").doesNotContain("errors");
    }
}
