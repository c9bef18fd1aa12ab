-- ShedLock's table: a scheduled job (the Stripe reconciler) runs on one instance per schedule
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamptz not null,
    locked_at  timestamptz not null,
    locked_by  varchar(255) not null
);
