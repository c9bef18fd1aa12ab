-- the "Payment required" banner: since when a payment is failing (set when the subscription turns past due or
-- unpaid, cleared when it is paid again), and when Stripe tries an open invoice's payment again
alter table subscriptions add column payment_failing_since timestamptz;
alter table invoices add column next_payment_attempt timestamptz;
