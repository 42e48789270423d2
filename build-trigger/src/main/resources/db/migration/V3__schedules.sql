-- Scheduled builds (README "Scheduled builds", ADR 13): cron schedules per repository, branch and job. A replica takes
-- a due schedule with FOR UPDATE SKIP LOCKED and leases it (due_at pushed past the time firing may take); a slot is
-- built by storing its build request and moving next_slot_at past it in one transaction, only if the lease and the
-- revision are still the ones it took: each slot builds once, whatever the number of replicas.
create table build_schedule (
    id              text primary key,
    revision        integer not null,             -- +1 on every change through the API
    integration     text not null,
    repository      text not null,
    flavor          text not null check (flavor in ('cloud', 'datacenter')), -- from the connector, at creation
    branch          text not null,
    job             text,                         -- null: the Jenkins target's default job
    cron            text not null,
    time_zone       text not null,                -- an IANA time zone id
    parameters      text not null default '{}',   -- JSON: extra build parameters, name -> value
    missed_slots    text not null check (missed_slots in ('latest', 'skip')),
    enabled         boolean not null,
    description     text,
    next_slot_at    timestamptz,                  -- the earliest slot not yet built or skipped; null when disabled
    due_at          timestamptz,                  -- when to look at it next: next_slot_at, a lease or a backoff
    attempts        integer not null default 0,   -- failed attempts at next_slot_at (the connector did not answer)
    last_slot_at    timestamptz,                  -- the last slot built
    last_request_id text,                         -- and its build request
    last_fired_at   timestamptz,
    last_error      text,                         -- the last slot that was not built (or is waiting), and why
    last_error_slot timestamptz,
    last_error_at   timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index build_schedule_due on build_schedule (due_at) where enabled;
create index build_schedule_repository on build_schedule (integration, repository);
