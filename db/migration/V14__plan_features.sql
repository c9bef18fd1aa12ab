-- the plan-selection page's comparison table: one row per plan and feature, its value a yes/no, a number or
-- "unlimited"; the service translates the feature's name (labels: plan.feature.{key})
create type plan_feature_kind as enum ('INCLUDED', 'COUNT', 'UNLIMITED');

create table plan_features (
    plan_id     uuid              not null references plans on delete cascade,
    feature_key text              not null check (feature_key ~ '^[a-z][a-z0-9_]{0,62}$'),
    position    integer           not null check (position >= 0),
    kind        plan_feature_kind not null,
    included    boolean,
    count       bigint check (count >= 0),
    primary key (plan_id, feature_key),
    check ((kind = 'INCLUDED') = (included is not null)),
    check ((kind = 'COUNT') = (count is not null))
);
