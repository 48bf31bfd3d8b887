package dev.covenant.signing;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A GitHub user who may keep a company's approval list, by numeric id so a renamed login keeps the right. */
@Entity
@Table(name = "cla_manager")
@IdClass(ClaManager.Key.class)
public class ClaManager extends PanacheEntityBase {

    @Id
    @Column(name = "corporate_id")
    public UUID corporateId;

    @Id
    @Column(name = "github_id")
    public long githubId;

    @Column(nullable = false)
    public String login;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static boolean isManager(UUID corporateId, long githubId) {
        return count("corporateId = ?1 and githubId = ?2", corporateId, githubId) > 0;
    }

    public static List<ClaManager> of(UUID corporateId) {
        return list("corporateId = ?1 order by login", corporateId);
    }

    public static class Key implements Serializable {
        public UUID corporateId;
        public long githubId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && githubId == k.githubId && Objects.equals(corporateId, k.corporateId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(corporateId, githubId);
        }
    }
}
