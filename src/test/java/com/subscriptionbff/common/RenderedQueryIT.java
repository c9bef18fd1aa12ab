package com.subscriptionbff.common;

import com.subscriptionbff.demo.DemoData;
import com.subscriptionbff.support.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.CREDIT_USAGE_DAILY;
import static com.subscriptionbff.db.Tables.MEMBERS;
import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static com.subscriptionbff.db.Tables.PLANS;
import static com.subscriptionbff.db.Tables.SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/** A rendered query reads its rows itself, into the very records jOOQ would have read: same values, same types. */
class RenderedQueryIT extends IntegrationTest {

    private static final Map<String, Object> WORKSPACES = Map.of("first", DemoData.ACME, "second", DemoData.PIED_PIPER);

    @Autowired
    DSLContext db;

    @Test
    void subscriptionsWithTheirPlansReadAsJooqReadsThem() {
        var scheduled = PLANS.as("scheduled_plan");
        assertReadAsJooqReads(select(SUBSCRIPTIONS.fields())
                .select(PLANS.fields()).select(scheduled.fields())
                .from(SUBSCRIPTIONS)
                .join(PLANS).on(PLANS.ID.eq(SUBSCRIPTIONS.PLAN_ID))
                .leftJoin(scheduled).on(scheduled.ID.eq(SUBSCRIPTIONS.SCHEDULED_PLAN_ID))
                .where(SUBSCRIPTIONS.WORKSPACE_ID.in(param("first", UUID.class), param("second", UUID.class))));
    }

    @Test
    void membersAndCardsReadAsJooqReadsThem() {
        assertReadAsJooqReads(select(MEMBERS.fields())
                .from(MEMBERS)
                .where(MEMBERS.WORKSPACE_ID.in(param("first", UUID.class), param("second", UUID.class))));
        assertReadAsJooqReads(select(PAYMENT_METHODS.fields())
                .from(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.WORKSPACE_ID.in(param("first", UUID.class), param("second", UUID.class))));
    }

    @Test
    void sumsCountsDatesAndArraysReadAsJooqReadsThem() {
        LocalDate epoch = LocalDate.of(2000, 1, 1);
        assertReadAsJooqReads(select(CREDIT_USAGE_DAILY.WORKSPACE_ID, sum(CREDIT_USAGE_DAILY.CREDITS), count(),
                        max(CREDIT_USAGE_DAILY.DAY),
                        arrayAgg(localDateDiff(CREDIT_USAGE_DAILY.DAY, epoch)).orderBy(CREDIT_USAGE_DAILY.DAY),
                        arrayAgg(CREDIT_USAGE_DAILY.CREDITS).orderBy(CREDIT_USAGE_DAILY.DAY),
                        coalesce(max(CREDIT_USAGE_DAILY.CREDITS).filterWhere(CREDIT_USAGE_DAILY.CREDITS.lt(0L)), -1L))
                .from(CREDIT_USAGE_DAILY)
                .where(CREDIT_USAGE_DAILY.WORKSPACE_ID.in(param("first", UUID.class), param("second", UUID.class)))
                .groupBy(CREDIT_USAGE_DAILY.WORKSPACE_ID));
    }

    @Test
    void aNestedRecordIsLeftToJooq() {
        RenderedQuery<?> nested = RenderedQuery.of(db, select(row(MEMBERS.ID, MEMBERS.ROLE))
                .from(MEMBERS).where(MEMBERS.WORKSPACE_ID.eq(param("first", UUID.class))));
        assertThat(nested.readsColumnsItself()).isFalse();
        assertThat(nested.fetch(db, Map.of("first", DemoData.ACME))).isNotEmpty();
    }

    private void assertReadAsJooqReads(ResultQuery<? extends Record> query) {
        RenderedQuery<? extends Record> rendered = RenderedQuery.of(db, query);
        assertThat(rendered.readsColumnsItself()).isTrue();
        var ours = rendered.fetch(db, WORKSPACES);
        query.bind("first", DemoData.ACME).bind("second", DemoData.PIED_PIPER);
        var jooqs = db.fetch(query);
        assertThat(ours).isNotEmpty().hasSameSizeAs(jooqs);
        assertThat(ours.fields()).containsExactly(jooqs.fields());
        for (int row = 0; row < ours.size(); row++) {
            Object[] expected = jooqs.get(row).intoArray();
            Object[] actual = ours.get(row).intoArray();
            assertThat(Arrays.deepEquals(actual, expected))
                    .as("row %d: %s, jOOQ read %s", row, Arrays.deepToString(actual), Arrays.deepToString(expected))
                    .isTrue();
            for (int column = 0; column < expected.length; column++) {
                if (expected[column] != null) {
                    assertThat(actual[column]).isExactlyInstanceOf(expected[column].getClass());
                }
            }
        }
    }
}
