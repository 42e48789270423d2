-- One row per build status Bitbucket shows: (integration, repository, commit, key). It holds the newest build state
-- seen for that status (what should be shown), what was last posted (what is shown), and the work left between the
-- two. ADR 14.
create table commit_status (
    integration       text        not null,
    repository        text        not null,
    commit_hash       text        not null,
    status_key        text        not null,

    -- The newest state seen: of one build, the highest sequence; of two builds, the one asked for later.
    request_id        text        not null,
    sequence          bigint      not null,
    requested_at      timestamptz not null,
    build_state       text        not null,
    -- Bitbucket's state for it (INPROGRESS, SUCCESSFUL, FAILED, STOPPED) and the whole status to post.
    wanted_state      text        not null,
    wanted            jsonb       not null,
    flavor            text        not null,

    -- The record it came from, for a dead letter: key, value and ce_* headers as read, and where.
    record_key        text,
    record_value      bytea       not null,
    record_headers    jsonb       not null,
    source_topic      text        not null,
    source_partition  integer     not null,
    source_offset     bigint      not null,

    -- What Bitbucket shows, as far as status-reporter posted it.
    posted_request_id text,
    posted_sequence   bigint,
    posted_state      text,
    posted_as         text,
    posted_at         timestamptz,

    -- Work: due_at is null when what is shown is what should be. A replica that takes a row leases it.
    due_at            timestamptz,
    leased_until      timestamptz,
    attempts          integer     not null default 0,
    failing_since     timestamptz,
    problem           text,
    dead_lettered_at  timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,

    primary key (integration, repository, commit_hash, status_key)
);

create index commit_status_due on commit_status (due_at) where due_at is not null;
create index commit_status_commit on commit_status (integration, commit_hash);
