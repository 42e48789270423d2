package dev.bitbridge.connector.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A repository connected to an integration, and the hook that delivers its events. */
@Entity
@Table(name = "connected_repository")
@IdClass(ConnectedRepositoryEntity.Key.class)
public class ConnectedRepositoryEntity extends PanacheEntityBase {

    @Id
    public String integration;
    @Id
    public String repository;
    @Column(name = "hook_mode")
    public String hookMode;
    @Column(name = "hook_id")
    public String hookId;
    @Column(name = "hook_state")
    public String hookState;
    @Column(name = "hook_detail")
    public String hookDetail;
    @Column(name = "connected_at")
    public Instant connectedAt;
    @Column(name = "checked_at")
    public Instant checkedAt;

    /** The composite key: integration and repository full name. */
    public static class Key implements Serializable {
        public String integration;
        public String repository;

        public Key() {
        }

        public Key(String integration, String repository) {
            this.integration = integration;
            this.repository = repository;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(integration, k.integration)
                    && Objects.equals(repository, k.repository);
        }

        @Override
        public int hashCode() {
            return Objects.hash(integration, repository);
        }
    }
}
