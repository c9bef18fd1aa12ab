-- every consumption event the product's services report; the key makes a replay count once
create table credit_usage_events (
    workspace_id    uuid not null references workspaces on delete cascade,
    idempotency_key text not null check (length(idempotency_key) between 1 and 200),
    occurred_at     timestamptz not null,
    day             date not null,   -- occurred_at's day in the workspace's time zone at recording
    credits         bigint not null check (credits > 0),
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    primary key (workspace_id, idempotency_key)
);
