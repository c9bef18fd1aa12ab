-- People are identified by the subject of their JWT; membership and role live here, never in the token.
create table users (
    id           text primary key check (length(id) between 1 and 255),
    email        text not null unique check (position('@' in email) > 1),
    display_name text not null check (length(display_name) between 1 and 200),
    staff        boolean not null default false,
    created_at   timestamptz not null default now()
);

create table workspaces (
    id                 uuid primary key,
    name               text not null check (length(name) between 1 and 200),
    -- IANA zone id, checked by the trigger below
    time_zone          text not null check (length(time_zone) between 1 and 64),
    stripe_customer_id text unique,
    created_at         timestamptz not null default now()
);
-- a zone PostgreSQL does not know would break every page that lists the workspace
create function workspaces_check_time_zone() returns trigger language plpgsql as $$
begin
    perform now() at time zone new.time_zone;
    return new;
exception when invalid_parameter_value then
    raise exception 'unknown time zone %', new.time_zone using errcode = 'check_violation';
end $$;

create trigger workspaces_time_zone_is_known
    before insert or update of time_zone on workspaces
    for each row execute function workspaces_check_time_zone();

-- keyset pagination and prefix search of the staff listing
create index workspaces_by_name on workspaces (lower(name), id);

create type member_role as enum ('OWNER', 'ADMIN', 'MEMBER');
create type deactivation_reason as enum ('SEAT_LIMIT_AT_RENEWAL', 'REMOVED');

create table members (
    id                  uuid primary key,
    workspace_id        uuid not null references workspaces on delete cascade,
    user_id             text not null references users,
    role                member_role not null,
    joined_at           timestamptz not null,
    deactivated_at      timestamptz,
    deactivation_reason deactivation_reason,
    unique (workspace_id, user_id),
    check ((deactivated_at is null) = (deactivation_reason is null)),
    check (deactivated_at is null or deactivated_at >= joined_at)
);
create index members_by_user on members (user_id);
-- seat holders in the order they joined; the newest are the first deactivated at renewal
create index members_active_by_joined on members (workspace_id, joined_at, id) where deactivated_at is null;
