package dev.covenant.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Keeps the person and their e-mail addresses as GitHub last reported them. */
@ApplicationScoped
public class People {

    private final Clock clock;

    People(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Person remember(Profile account) {
        Instant now = Instant.now(clock);
        Person person = Person.<Person>findByIdOptional(account.githubId()).orElseGet(() -> {
            Person p = new Person();
            p.githubId = account.githubId();
            p.firstSeenAt = now;
            return p;
        });
        person.login = account.login();
        person.name = account.name();
        person.updatedAt = now;
        person.persist();
        // The list replaces what we knew: an address removed on GitHub no longer identifies the person.
        PersonEmail.delete("githubId", account.githubId());
        PersonEmail.flush();
        for (Profile.Email e : account.emails()) {
            PersonEmail email = new PersonEmail();
            email.githubId = account.githubId();
            email.email = e.address().toLowerCase();
            email.verified = e.verified();
            email.primary = e.primary();
            email.seenAt = now;
            if (PersonEmail.findById(key(email)) == null) {
                email.persist();
            }
        }
        return person;
    }

    /**
     * Makes sure these GitHub accounts are known, as imports need (a signature made elsewhere names a person who may
     * never have signed in here): a new person is written with the login given ("" where none is known yet: signing
     * in fills it); a known one is left as it is, since sign-in knows better than a file.
     */
    public void knowAll(Map<Long, String> loginById) {
        Person.getSession().doWork(c -> knowAll(c, loginById));
    }

    /** {@link #knowAll(Map)} on the caller's connection, for an import that writes from its own thread. */
    public void knowAll(Connection c, Map<Long, String> loginById) throws SQLException {
        if (loginById.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        TreeMap<Long, String> sorted = new TreeMap<>(loginById);
        // One statement for any number of people: the ids and logins travel as two arrays.
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO person (github_id, login, first_seen_at,"
                + " updated_at) SELECT id, login, ?, ? FROM unnest(?::bigint[], ?::text[]) AS t(id, login)"
                + " ON CONFLICT (github_id) DO NOTHING")) {
            insert.setTimestamp(1, now);
            insert.setTimestamp(2, now);
            insert.setArray(3, c.createArrayOf("bigint", sorted.keySet().toArray(new Long[0])));
            insert.setArray(4, c.createArrayOf("text",
                    sorted.values().stream().map(l -> l == null ? "" : l).toArray(String[]::new)));
            insert.executeUpdate();
        }
    }

    private static PersonEmail.Key key(PersonEmail email) {
        PersonEmail.Key key = new PersonEmail.Key();
        key.githubId = email.githubId;
        key.email = email.email;
        return key;
    }
}
