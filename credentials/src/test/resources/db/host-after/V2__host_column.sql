-- A host service's migration added after V100 of the credentials library was applied.
ALTER TABLE host_integrations ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
