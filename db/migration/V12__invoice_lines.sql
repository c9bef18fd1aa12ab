-- "Afficher les détails": an invoice's lines as Stripe itemized it, kept from its invoice objects (webhooks and the
-- reconciler); replaced as a whole when a newer event of the invoice arrives
create table invoice_lines (
    invoice_id   uuid    not null references invoices on delete cascade,
    position     integer not null check (position >= 0),
    description  text check (length(description) <= 2000),
    period_start timestamptz not null,
    period_end   timestamptz not null,
    quantity     bigint check (quantity >= 0),
    amount_minor bigint  not null,
    proration    boolean not null,
    primary key (invoice_id, position),
    check (period_end >= period_start)
);
