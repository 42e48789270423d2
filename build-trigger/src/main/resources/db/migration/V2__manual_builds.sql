-- Manual builds and cancelling (dev.bitbridge.trigger.manual, dispatch).

-- The lease a dispatcher holds on a row while it acts on it (DueBuilds): the same instant as next_action_at, cleared
-- when the outcome is recorded. A cancel that finds a row leased leaves next_action_at alone (changing it would make
-- the dispatcher drop its outcome) and the dispatcher acts on the cancel once its outcome is recorded.
alter table build add column leased_until timestamptz;

-- Cancelling: cancel_requested_by (V1) says who asked; when, whether Jenkins was told (queue item cancelled or build
-- stopped), and why not when Jenkins refused.
alter table build add column cancel_requested_at timestamptz;
alter table build add column cancel_sent_at timestamptz;
alter table build add column cancel_problem text;

-- GET /api/v1/builds: newest first, for all builds or one repository's.
create index build_newest on build (created_at desc);
create index build_repository_newest on build (integration, repository, created_at desc);
