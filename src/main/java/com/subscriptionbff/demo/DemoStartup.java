package com.subscriptionbff.demo;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import static com.subscriptionbff.db.Tables.WORKSPACES;

/** In demo mode: loads the demo data into an empty database, then tells a person how to sign in. */
@Component
@Conditional(DemoMode.class)
@Order(0)
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DSLContext db;
    private final ShowcaseWorkspaces showcase;
    private final BulkWorkspaces bulk;
    private final DemoTokens tokens;
    private final Environment environment;
    private final int bulkWorkspaces;

    DemoStartup(DSLContext db, ShowcaseWorkspaces showcase, BulkWorkspaces bulk, DemoTokens tokens,
                Environment environment, @Value("${bff.demo.bulk-workspaces:0}") int bulkWorkspaces) {
        this.db = db;
        this.showcase = showcase;
        this.bulk = bulk;
        this.tokens = tokens;
        this.environment = environment;
        this.bulkWorkspaces = bulkWorkspaces;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (db.fetchExists(WORKSPACES)) {
            log.info("Database already holds workspaces: demo data not loaded again");
            return;
        }
        showcase.load();
        if (bulkWorkspaces > 0) {
            long started = System.nanoTime();
            bulk.load(bulkWorkspaces);
            log.info("Loaded {} bulk workspaces in {} ms", bulkWorkspaces, (System.nanoTime() - started) / 1_000_000);
        }
        log.info("Demo data loaded");
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellHowToSignIn() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder()
                .append("\n\n  Demo mode. GraphiQL: ").append(base).append("/graphiql")
                .append("\n  Paste one of these into GraphiQL's Headers tab (all tokens: ").append(base)
                .append("/demo/tokens):\n");
        for (String user : DemoData.SIGN_IN_USERS) {
            text.append("\n  ").append(user).append(":\n  {\"Authorization\": \"Bearer ")
                    .append(tokens.issue(user)).append("\"}\n");
        }
        text.append("\n  A first query: { viewer { displayName workspaces { id name viewerRole } } }\n");
        log.info(text.toString());
    }
}
