package dev.covenant.identity;

import java.sql.PreparedStatement;
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
        if (loginById.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        Person.getSession().doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO person (github_id, login, first_seen_at,"
                    + " updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (github_id) DO NOTHING")) {
                for (Map.Entry<Long, String> e : new TreeMap<>(loginById).entrySet()) {
                    insert.setLong(1, e.getKey());
                    insert.setString(2, e.getValue() == null ? "" : e.getValue());
                    insert.setTimestamp(3, now);
                    insert.setTimestamp(4, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static PersonEmail.Key key(PersonEmail email) {
        PersonEmail.Key key = new PersonEmail.Key();
        key.githubId = email.githubId;
        key.email = email.email;
        return key;
    }
}
