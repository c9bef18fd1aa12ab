-- Stripe needs one interval across a subscription's items: annual subscriptions bill their add-ons at annual prices
alter table plans add column stripe_extra_seat_annual_price_id text;
alter table plans add column stripe_extra_credits_annual_price_id text;
-- credits bought once through Checkout (they never expire), per million, in the plan's currency
alter table plans add column purchased_credits_price_minor bigint check (purchased_credits_price_minor > 0);
alter table plans add column stripe_purchased_credits_price_id text;
alter table plans add check ((purchased_credits_price_minor is null) = (stripe_purchased_credits_price_id is null));

-- a downgrade waits for the end of the period in a Stripe subscription schedule
alter table subscriptions add column scheduled_plan_id uuid references plans;
alter table subscriptions add column scheduled_billing_interval billing_interval;
alter table subscriptions add column scheduled_change_at timestamptz;
alter table subscriptions add column stripe_schedule_id text;
alter table subscriptions add check ((scheduled_plan_id is null) = (scheduled_billing_interval is null)
    and (scheduled_plan_id is null) = (scheduled_change_at is null));

-- the change being sent to Stripe: a second change meanwhile is a conflict, a retry with the same key is not
alter table subscriptions add column change_key text check (length(change_key) <= 300);
alter table subscriptions add column change_started_at timestamptz;
alter table subscriptions add check ((change_key is null) = (change_started_at is null));

create type audit_action as enum (
    'CUSTOMIZE_PLAN', 'SWITCH_TO_ANNUAL_BILLING', 'CHANGE_PLAN', 'SCHEDULE_PLAN_CHANGE', 'WITHDRAW_SCHEDULED_PLAN_CHANGE',
    'CANCEL_SUBSCRIPTION', 'REACTIVATE_SUBSCRIPTION', 'START_PAYMENT_METHOD_UPDATE', 'START_CREDIT_PURCHASE');

-- who changed what, when and why: written with the change it records, read by owners and admins
create table audit_entries (
    id               uuid primary key,
    workspace_id     uuid not null references workspaces on delete cascade,
    actor_user_id    text not null references users,
    at               timestamptz not null,
    action           audit_action not null,
    -- [{"field": "extraSeats", "before": "2", "after": "5"}, ...]
    changes          jsonb not null check (jsonb_typeof(changes) = 'array'),
    reason           cancellation_reason,
    comment          text check (length(comment) <= 2000),
    -- a retried mutation records its change once
    idempotency_key  text not null check (length(idempotency_key) <= 300),
    unique (workspace_id, idempotency_key)
);
create index audit_entries_newest_first on audit_entries (workspace_id, at desc, id desc);
