-- the customer's default payment method; no row means "no payment method"
create table payment_methods (
    workspace_id             uuid primary key references workspaces on delete cascade,
    stripe_payment_method_id text unique,
    brand                    text not null check (length(brand) between 1 and 40),
    last4                    char(4) not null check (last4 ~ '^[0-9]{4}$'),
    exp_month                smallint not null check (exp_month between 1 and 12),
    exp_year                 smallint not null check (exp_year between 2000 and 2200),
    updated_at               timestamptz not null default now()
);
