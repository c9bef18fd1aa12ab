create table plans (
    id                               uuid primary key,
    code                             text not null unique check (code ~ '^[a-z0-9_-]{1,40}$'),
    name                             text not null check (length(name) between 1 and 100),
    currency                         char(3) not null check (currency ~ '^[A-Z]{3}$'),
    included_seats                   integer not null check (included_seats >= 1),
    included_monthly_credits         bigint not null check (included_monthly_credits >= 0),
    max_extra_seats                  integer not null check (max_extra_seats >= 0),
    -- money in minor units of the plan's currency
    monthly_price_minor              bigint not null check (monthly_price_minor >= 0),
    annual_price_minor               bigint check (annual_price_minor >= 0),           -- null: no annual billing
    extra_seat_price_minor           bigint check (extra_seat_price_minor >= 0),       -- per seat and month; null: not sold
    extra_credits_price_minor        bigint check (extra_credits_price_minor >= 0),    -- per million credits and month; null: not sold
    stripe_monthly_price_id          text,
    stripe_annual_price_id           text,
    stripe_extra_seat_price_id       text,
    stripe_extra_credits_price_id    text,
    display_order                    integer not null,
    check (extra_seat_price_minor is not null or max_extra_seats = 0)
);

create type billing_interval as enum ('MONTH', 'YEAR');
create type subscription_status as enum ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED', 'INCOMPLETE', 'UNPAID');
create type cancellation_reason as enum (
    'TOO_EXPENSIVE', 'MISSING_FEATURES', 'HARD_TO_USE', 'TECHNICAL_PROBLEMS',
    'UNSATISFYING_CUSTOMER_SERVICE', 'NOT_ENOUGH_VALUE', 'CHANGING_NEEDS', 'OTHER');

-- the workspace's current subscription, as Stripe last told us
create table subscriptions (
    id                     uuid primary key,
    workspace_id           uuid not null unique references workspaces on delete cascade,
    plan_id                uuid not null references plans,
    billing_interval       billing_interval not null,
    status                 subscription_status not null,
    current_period_start   timestamptz not null,
    current_period_end     timestamptz not null,
    cancel_at_period_end   boolean not null default false,
    canceled_at            timestamptz,
    ended_at               timestamptz,
    cancellation_reason    cancellation_reason,
    cancellation_comment   text check (length(cancellation_comment) <= 2000),
    trial_start            timestamptz,
    trial_end              timestamptz,
    extra_seats            integer not null default 0 check (extra_seats >= 0),
    extra_credits          bigint not null default 0 check (extra_credits >= 0 and extra_credits % 1000000 = 0),
    stripe_subscription_id text unique,
    version                bigint not null default 0,
    updated_at             timestamptz not null default now(),
    check (current_period_end > current_period_start),
    check ((trial_start is null) = (trial_end is null)),
    check (trial_end is null or trial_end > trial_start),
    check (status <> 'TRIALING' or trial_end is not null),
    check (not cancel_at_period_end or canceled_at is not null),
    check (cancellation_comment is null or cancellation_reason is not null),
    check (status <> 'CANCELED' or ended_at is not null)
);

-- add-ons and interval must fit the plan: no Java bug may store more extra seats than the plan sells
create function subscriptions_check_add_ons() returns trigger language plpgsql as $$
declare
    plan plans%rowtype;
begin
    select * into plan from plans where id = new.plan_id;
    if new.extra_seats > plan.max_extra_seats then
        raise exception 'plan % sells at most % extra seats, got %', plan.code, plan.max_extra_seats, new.extra_seats
            using errcode = 'check_violation';
    end if;
    if new.billing_interval = 'YEAR' and plan.annual_price_minor is null then
        raise exception 'plan % is not sold annually', plan.code using errcode = 'check_violation';
    end if;
    if new.extra_credits > 0 and plan.extra_credits_price_minor is null then
        raise exception 'plan % sells no extra credits', plan.code using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger subscriptions_add_ons_fit_plan
    before insert or update of plan_id, billing_interval, extra_seats, extra_credits on subscriptions
    for each row execute function subscriptions_check_add_ons();
