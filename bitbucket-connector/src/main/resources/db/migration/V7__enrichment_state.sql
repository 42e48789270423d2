-- Enrichment state (ADR 11). Every row is stamped with the position (partition, offset) of the raw record on
-- bitbridge.webhooks.v1 whose handling wrote it: a row stamped at or after the committed offset of its partition was
-- written by an attempt whose output never reached Kafka, and counts as absent.

-- Raw events already handled, so that a redelivery (or the same delivery published by two ingress replicas) has no
-- second output. Forgotten after bitbridge.connector.enrichment.seen-event-retention.
create table enrichment_seen_event (
    integration   text        not null,
    event_id      text        not null,
    src_partition int         not null,
    src_offset    bigint      not null,
    outcome       text        not null,
    seen_at       timestamptz not null default now(),
    primary key (integration, event_id)
);
create index enrichment_seen_event_seen_at on enrichment_seen_event (seen_at);

-- Commits a repository is known to have: published once on bitbridge.commits.v1, never fetched again.
create table known_commit (
    integration   text        not null,
    repository    text        not null,
    hash          text        not null,
    src_partition int         not null,
    src_offset    bigint      not null,
    first_seen_at timestamptz not null default now(),
    primary key (integration, repository, hash)
);
