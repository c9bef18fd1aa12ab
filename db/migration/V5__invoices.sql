create type invoice_status as enum ('DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE');

create table invoices (
    id                 uuid primary key,
    workspace_id       uuid not null references workspaces on delete cascade,
    number             text check (length(number) <= 100),
    issued_at          timestamptz not null,
    period_start       timestamptz not null,
    period_end         timestamptz not null,
    total_minor        bigint not null,
    currency           char(3) not null check (currency ~ '^[A-Z]{3}$'),
    status             invoice_status not null,
    invoice_pdf_url    text check (invoice_pdf_url ~ '^https://'),
    hosted_invoice_url text check (hosted_invoice_url ~ '^https://'),
    stripe_invoice_id  text unique,
    check (period_end >= period_start),
    check (status = 'DRAFT' or number is not null)
);
create index invoices_newest_first on invoices (workspace_id, issued_at desc, id desc);
