create type stripe_event_status as enum ('RECEIVED', 'PROCESSED', 'FAILED');

-- every Stripe event, stored before it is handled: duplicates are recognised, failures retried
create table stripe_events (
    id           text primary key check (id ~ '^evt_'),
    type         text not null,
    created      timestamptz not null,
    payload      jsonb not null,
    status       stripe_event_status not null default 'RECEIVED',
    attempts     integer not null default 0,
    last_error   text,
    received_at  timestamptz not null default now(),
    processed_at timestamptz
);
create index stripe_events_to_retry on stripe_events (received_at) where status <> 'PROCESSED';

-- the Stripe event a row was last written from: an older event never overwrites newer state
alter table invoices add column stripe_event_at timestamptz;
alter table subscriptions add column stripe_event_at timestamptz;
alter table payment_methods add column stripe_event_at timestamptz;
