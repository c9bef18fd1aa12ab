package com.subscriptionbff.payment;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.PAYMENT_METHODS;
import static org.jooq.Records.mapping;

@Repository
class PaymentMethodRepository {

    private final DSLContext db;

    PaymentMethodRepository(DSLContext db) {
        this.db = db;
    }

    Map<UUID, PaymentMethod> findByWorkspaceIds(Collection<UUID> workspaceIds) {
        return db.select(PAYMENT_METHODS.WORKSPACE_ID, PAYMENT_METHODS.BRAND, PAYMENT_METHODS.LAST4,
                        PAYMENT_METHODS.EXP_MONTH.convertFrom(Short::intValue),
                        PAYMENT_METHODS.EXP_YEAR.convertFrom(Short::intValue))
                .from(PAYMENT_METHODS)
                .where(PAYMENT_METHODS.WORKSPACE_ID.in(workspaceIds))
                .fetchMap(PAYMENT_METHODS.WORKSPACE_ID, mapping(PaymentMethod::new));
    }
}
