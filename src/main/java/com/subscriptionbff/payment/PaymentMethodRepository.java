package com.subscriptionbff.payment;

import org.jooq.DSLContext;
import org.jooq.Record1;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static org.jooq.impl.DSL.row;

@Repository
class PaymentMethodRepository {

    private final DSLContext db;

    PaymentMethodRepository(DSLContext db) {
        this.db = db;
    }

    Map<UUID, PaymentMethod> findByWorkspaceIds(Collection<UUID> workspaceIds) {
        var p = PAYMENT_METHODS;
        return db.select(row(p.WORKSPACE_ID, p.BRAND, p.LAST4, p.EXP_MONTH, p.EXP_YEAR)
                        .mapping((workspaceId, brand, last4, month, year) ->
                                new PaymentMethod(workspaceId, brand, last4, month, year)))
                .from(p)
                .where(p.WORKSPACE_ID.in(workspaceIds))
                .fetch(Record1::value1)
                .stream()
                .collect(Collectors.toMap(PaymentMethod::workspaceId, Function.identity()));
    }
}
