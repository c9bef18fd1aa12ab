package com.subscriptionbff.payment;

import org.jooq.DSLContext;
import org.jooq.Record1;
import com.subscriptionbff.common.RenderedQuery;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

@Repository
class PaymentMethodRepository {

    private static final SelectField<PaymentMethod> PAYMENT_METHOD = row(PAYMENT_METHODS.WORKSPACE_ID,
            PAYMENT_METHODS.BRAND, PAYMENT_METHODS.LAST4, PAYMENT_METHODS.EXP_MONTH, PAYMENT_METHODS.EXP_YEAR)
            .mapping(PaymentMethod::new);

    private final DSLContext db;
    private final RenderedQuery<Record1<PaymentMethod>> byWorkspaceIds;

    PaymentMethodRepository(DSLContext db) {
        this.db = db;
        this.byWorkspaceIds = RenderedQuery.of(db, select(PAYMENT_METHOD)
                .from(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.WORKSPACE_ID.eq(any(param("workspaceIds", UUID[].class)))));
    }

    Map<UUID, PaymentMethod> findByWorkspaceIds(Collection<UUID> workspaceIds) {
        return byWorkspaceIds.fetch(db, Map.of("workspaceIds", workspaceIds.toArray(UUID[]::new))).stream()
                .map(Record1::value1)
                .collect(Collectors.toMap(PaymentMethod::workspaceId, Function.identity()));
    }
}
