package com.subscriptionbff.payment;

import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.Records;
import org.jooq.Function5;
import com.subscriptionbff.common.RenderedQuery;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static org.jooq.impl.DSL.select;

@Repository
class PaymentMethodRepository {

    private final DSLContext db;
    private final RenderedQuery.PerBatchSize<Record5<UUID, String, String, Short, Short>> byWorkspaceIds;

    PaymentMethodRepository(DSLContext db) {
        this.db = db;
        this.byWorkspaceIds = RenderedQuery.perBatchSize(db, size -> select(PAYMENT_METHODS.WORKSPACE_ID,
                        PAYMENT_METHODS.BRAND, PAYMENT_METHODS.LAST4,
                        PAYMENT_METHODS.EXP_MONTH, PAYMENT_METHODS.EXP_YEAR)
                .from(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.WORKSPACE_ID.in(RenderedQuery.params("workspaceId", UUID.class, size))));
    }

    Map<UUID, PaymentMethod> findByWorkspaceIds(Collection<UUID> workspaceIds) {
        return byWorkspaceIds.fetchIn("workspaceId", workspaceIds).stream()
                .map(Records.mapping((Function5<UUID, String, String, Short, Short, PaymentMethod>) PaymentMethod::new))
                .collect(Collectors.toMap(PaymentMethod::workspaceId, Function.identity()));
    }
}
