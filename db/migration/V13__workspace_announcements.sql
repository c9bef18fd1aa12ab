-- a new workspace as the product's services announced it (POST /internal/workspaces): the same announcement again is
-- a replay, the same workspace id with other content a conflict
create table workspace_announcements (
    workspace_id uuid primary key references workspaces on delete cascade,
    -- the SHA-256 of the announcement's JSON (workspace, name, time zone, owner)
    request_hash text not null check (length(request_hash) = 64),
    -- the service credential's subject
    announced_by text not null check (length(announced_by) between 1 and 255),
    announced_at timestamptz not null
);
