-- Integrations: one Bitbucket Cloud workspace or Data Center server, with write-only credentials kept in the
-- CredentialStore (this table says only whether they are set and of which kind).
create table integration (
    name                     text primary key,
    flavor                   text not null check (flavor in ('cloud', 'datacenter')),
    scope                    text not null default 'default',
    labels                   text[] not null default '{}',
    description              text,
    workspace                text,
    base_url                 text,
    verify_tls               boolean not null default true,
    ca_bundle                text,
    credential_kind          text,
    webhook_token_hash       text not null,
    enabled                  boolean not null default true,
    created_at               timestamptz not null,
    updated_at               timestamptz not null,
    -- The routing record outbox: every change raises route_version; the publisher records the version Kafka took.
    -- A deleted integration stays (deleted_at set) until its tombstone is on the topic.
    route_version            bigint not null default 1,
    route_published_version  bigint not null default 0,
    deleted_at               timestamptz,
    version                  integer not null default 0,
    constraint cloud_has_workspace check (flavor <> 'cloud' or workspace is not null),
    constraint datacenter_has_base_url check (flavor <> 'datacenter' or base_url is not null)
);

create index integration_route_pending on integration (name) where route_version > route_published_version;
