-- After a rotation of the webhook token and secret, the previous token (as a hash; the previous secret is in the
-- CredentialStore) stays valid at the ingress until previous_valid_until.
alter table integration add column previous_token_hash text;
alter table integration add column previous_valid_until timestamptz;
