-- A host service's own first migration, for MigrationBesideHostMigrationsTest.
CREATE TABLE host_integrations (name VARCHAR(63) PRIMARY KEY);
