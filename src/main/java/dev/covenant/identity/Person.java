package dev.covenant.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.covenant.jdbc.Rows;

/** A person, identified by their numeric GitHub user id; the login is only their current name. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @Column(name = "github_id")
    public long githubId;

    @Column(nullable = false)
    public String login;

    public String name;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Person> findByLogin(String login) {
        return find("lower(login) = lower(?1) order by updatedAt desc", login).firstResultOptional();
    }

    public static Optional<Person> findByGithubId(long id) {
        return findByIdOptional(id);
    }

    /**
     * The logins of these people by GitHub id, those that exist; read as plain rows, not as managed entities, for a
     * batch of thousands that only needs their names.
     */
    public static Map<Long, String> loginsOf(Collection<Long> githubIds) {
        Map<Long, String> logins = new HashMap<>();
        getSession().doWork(c -> Rows.query(c, "SELECT github_id, login FROM person WHERE github_id = ANY(?)",
                rs -> logins.put(rs.getLong(1), rs.getString(2)), Rows.longs(githubIds)));
        return logins;
    }

    public List<String> verifiedEmails() {
        return PersonEmail.verifiedOf(githubId);
    }
}
