-- The webhook URL token and secret are shown to a user once per generation: at the first manual connect after the
-- integration was created or its webhook credentials were rotated. This records when that happened.
alter table integration add column webhook_shown_at timestamptz;
