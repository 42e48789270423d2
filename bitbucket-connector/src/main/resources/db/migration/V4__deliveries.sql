-- Recent deliveries per integration, newest first: accepted ones (from bitbridge.webhooks.v1) and refused ones (from
-- bitbridge.webhook-refusals.v1). A view for people debugging webhooks, kept for bitbridge.connector.deliveries.retention.
-- source is the Kafka record's topic-partition-offset, so a record read twice is stored once.
create table delivery (
    source       text primary key,
    integration  text not null,
    received_at  timestamptz not null,
    outcome      text not null check (outcome in ('accepted', 'refused')),
    event_id     text,
    event_key    text,
    repository   text,
    reason       text,
    status       integer
);

create index delivery_by_integration on delivery (integration, received_at desc, source desc);
