-- build-trigger's state (ADR 12). A database of its own: no other service reads these tables.

-- Where an integration's (or one repository's) builds go. The credential is in the CredentialStore, under
-- jenkins-targets/<id>; this row only says which kind it is.
create table jenkins_target (
    id              text primary key,            -- '<integration>' or '<integration>:<repository>'
    integration     text not null,
    repository      text,                        -- null: every repository of the integration without a target of its own
    base_url        text not null,
    username        text not null,
    credential_kind text not null check (credential_kind in ('api-token', 'password')),
    default_job     text,
    job_mapping     text not null default '{}',  -- JSON: job as requested -> job path in this Jenkins
    multibranch     text,                        -- when set: builds go to this multibranch project's branch jobs
    parameters      text not null default '{}',  -- JSON: extra parameters, name -> value
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- One row per build request. request_id is unique; business_key (automatic builds only) too, so that two requests
-- for one build (a push and a pull request of one commit, #jenkins and a rule naming the default job) build once.
create table build (
    request_id          text primary key,
    business_key        text unique,
    request             text not null,           -- the BuildRequest as received (JSON)
    integration         text not null,
    repository          text not null,
    commit_hash         text not null,
    job                 text,                    -- resolved job path, once known
    status_key          text not null,
    state               text not null check (state in ('PENDING', 'DISPATCHING', 'QUEUED', 'INPROGRESS',
                                                       'SUCCESSFUL', 'FAILED', 'STOPPED')),
    jenkins_url         text,
    job_url             text,
    queue_id            bigint,
    build_number        integer,
    build_url           text,
    result              text,
    duration_ms         bigint,
    reason              text,                    -- why the last transition happened
    attempts            integer not null default 0,
    next_action_at      timestamptz not null,
    dispatch_started_at timestamptz,
    not_found_at        timestamptz,             -- recovery: when a lookup first did not find the request
    give_up_at          timestamptz,
    sequence            integer not null default 0,
    cancel_requested_by text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index build_due on build (next_action_at) where state in ('PENDING', 'DISPATCHING', 'QUEUED', 'INPROGRESS');

-- bitbridge.builds.v1 records, written with the transition they describe and sent by the outbox publisher.
create table build_outbox (
    id          bigserial primary key,
    request_id  text not null,
    sequence    integer not null,
    record_key  text not null,
    event_type  text not null,
    integration text not null,
    subject     text not null,
    payload     bytea not null,
    created_at  timestamptz not null,
    unique (request_id, sequence)
);
