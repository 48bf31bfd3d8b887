package dev.covenant.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An e-mail address GitHub reported for a person at sign-in, lower-cased. */
@Entity
@Table(name = "person_email")
@IdClass(PersonEmail.Key.class)
public class PersonEmail extends PanacheEntityBase {

    @Id
    @Column(name = "github_id")
    public long githubId;

    @Id
    public String email;

    public boolean verified;

    @Column(name = "is_primary")
    public boolean primary;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;

    public static List<String> verifiedOf(long githubId) {
        return PersonEmail.<PersonEmail>list("githubId = ?1 and verified = true order by primary desc, email", githubId)
                .stream().map(e -> e.email).toList();
    }

    /** Each of these people's verified addresses, in {@link #verifiedOf(long)}'s order; absent for none. */
    public static Map<Long, List<String>> verifiedByPerson(Collection<Long> githubIds) {
        Map<Long, List<String>> verified = new HashMap<>();
        if (!githubIds.isEmpty()) {
            PersonEmail.<PersonEmail>list("githubId in ?1 and verified = true order by primary desc, email", githubIds)
                    .forEach(e -> verified.computeIfAbsent(e.githubId, k -> new ArrayList<>()).add(e.email));
        }
        return verified;
    }

    /** The primary verified address of each of these people who has one: where to reach them. */
    public static Map<Long, String> primaryOf(Collection<Long> githubIds) {
        Map<Long, String> primary = new HashMap<>();
        if (!githubIds.isEmpty()) {
            PersonEmail.<PersonEmail>list("githubId in ?1 and verified = true and primary = true", githubIds)
                    .forEach(e -> primary.put(e.githubId, e.email));
        }
        return primary;
    }

    /** The people who verified this address with GitHub (normally one). */
    public static List<Long> ownersOf(String email) {
        return PersonEmail.<PersonEmail>list("email = ?1 and verified = true", email.toLowerCase())
                .stream().map(e -> e.githubId).toList();
    }

    public static class Key implements Serializable {
        public long githubId;
        public String email;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && githubId == k.githubId && Objects.equals(email, k.email);
        }

        @Override
        public int hashCode() {
            return Objects.hash(githubId, email);
        }
    }
}
