-- "Connect Bitbucket": the state sent to Bitbucket's authorize URL, single use, so that only a callback for a flow
-- an admin started here can store tokens.
create table oauth_state (
    state        text primary key,
    integration  text not null references integration (name) on delete cascade,
    created_at   timestamptz not null
);
