-- Repositories connected to an integration, with the hook Bitbridge registered on Bitbucket for them (automatic), or
-- none when the user set the webhook up by hand (manual).
create table connected_repository (
    integration   text not null references integration (name) on delete cascade,
    repository    text not null,
    hook_mode     text not null check (hook_mode in ('automatic', 'manual')),
    hook_id       text,
    hook_state    text not null check (hook_state in ('registered', 'repaired', 'manual', 'failed')),
    hook_detail   text,
    connected_at  timestamptz not null,
    checked_at    timestamptz,
    primary key (integration, repository)
);
