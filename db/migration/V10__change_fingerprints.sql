-- what a change asked for, hashed: the same idempotency key with another request is refused, not replayed
alter table audit_entries add column request_hash text check (length(request_hash) = 64);
-- subscription_schedule events arrive out of order too: an older one never overwrites a newer one
alter table subscriptions add column stripe_schedule_event_at timestamptz;
