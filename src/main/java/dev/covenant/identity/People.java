package dev.covenant.identity;

import java.time.Clock;
import java.time.Instant;

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

    private static PersonEmail.Key key(PersonEmail email) {
        PersonEmail.Key key = new PersonEmail.Key();
        key.githubId = email.githubId;
        key.email = email.email;
        return key;
    }
}
