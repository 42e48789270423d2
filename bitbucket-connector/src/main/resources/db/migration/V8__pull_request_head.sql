-- The source head of each pull request as its events were published (ADR 11 stamps, as in V7): Bitbucket Cloud's
-- pullrequest:updated does not say what the head was before, so the previous head of an "updated" event is the last
-- head Bitbridge published for the pull request. One row per published head, so that an attempt whose output never
-- reached Kafka (stamped at or after the committed offset) hides nothing committed; rows older than
-- bitbridge.connector.enrichment.seen-event-retention are forgotten, the newest of each pull request kept.
create table pull_request_head (
    integration   text        not null,
    repository    text        not null,
    pull_request  bigint      not null,
    head          text        not null,
    src_partition int         not null,
    src_offset    bigint      not null,
    seen_at       timestamptz not null default now(),
    primary key (integration, repository, pull_request, src_partition, src_offset)
);
