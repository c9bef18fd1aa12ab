-- credits consumed per day; the day is a calendar day in the workspace's time zone
create table credit_usage_daily (
    workspace_id uuid not null references workspaces on delete cascade,
    day          date not null,
    credits      bigint not null check (credits >= 0),
    primary key (workspace_id, day)
);

create type credit_purchase_source as enum ('PURCHASE', 'FREE_GRANT');

create table credit_purchases (
    id                         uuid primary key,
    workspace_id               uuid not null references workspaces on delete cascade,
    purchased_at               timestamptz not null,
    credits                    bigint not null check (credits > 0),
    amount_minor               bigint not null check (amount_minor >= 0),
    currency                   char(3) not null check (currency ~ '^[A-Z]{3}$'),
    source                     credit_purchase_source not null,
    stripe_checkout_session_id text unique,
    check (source = 'PURCHASE' or amount_minor = 0)
);
create index credit_purchases_newest_first on credit_purchases (workspace_id, purchased_at desc, id desc);

-- purchased credits never expire: what is left of them after every overflow of the monthly allowance so far
create table credit_balances (
    workspace_id        uuid primary key references workspaces on delete cascade,
    purchased_remaining bigint not null check (purchased_remaining >= 0),
    updated_at          timestamptz not null default now()
);
