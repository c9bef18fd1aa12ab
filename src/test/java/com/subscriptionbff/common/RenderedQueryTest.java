package com.subscriptionbff.common;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

/** A query rendered once must know where each run's values go; a parameter it cannot place is refused at startup. */
class RenderedQueryTest {

    private final DSLContext db = DSL.using(SQLDialect.POSTGRES);

    @Test
    void aQueryWithEachNamedParameterOnceIsRenderedOnce() {
        assertThatNoException().isThrownBy(() -> RenderedQuery.of(db, select(PAYMENT_METHODS.BRAND)
                .from(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.WORKSPACE_ID.eq(any(param("workspaceIds", UUID[].class))))
                .and(PAYMENT_METHODS.LAST4.ne("0000"))));
    }

    @Test
    void aNamedParameterUsedTwiceIsRefused() {
        var workspace = param("workspaceId", UUID.class);
        assertThatIllegalStateException().isThrownBy(() -> RenderedQuery.of(db, select(PAYMENT_METHODS.BRAND)
                .from(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.WORKSPACE_ID.eq(workspace))
                .or(PAYMENT_METHODS.WORKSPACE_ID.eq(workspace))));
    }
}
