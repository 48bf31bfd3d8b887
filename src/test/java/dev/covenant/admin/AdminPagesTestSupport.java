package dev.covenant.admin;

import static dev.covenant.Api.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHubResource;

/** What the administration pages' tests share: the listed admin's account, a fresh agreement, fresh users. */
final class AdminPagesTestSupport {

    /** Listed in the test profile as {@code Site-Admin}: the case differs on purpose. */
    static final String ADMIN_LOGIN = "site-admin";
    private static final AtomicLong IDS = new AtomicLong(7_000_000 + (System.nanoTime() % 1_000_000));

    private AdminPagesTestSupport() {
    }

    /** The admin's GitHub account; adding it again replaces it, so every test class may call this. */
    static String adminAccount() {
        FakeGitHubResource.fake().addUser(6_999_999, ADMIN_LOGIN, "Site Admin",
                List.of(FakeEmail.primaryVerified("site-admin@example.org")));
        return ADMIN_LOGIN;
    }

    static String user(String prefix) {
        long id = IDS.incrementAndGet();
        String login = prefix + id;
        FakeGitHubResource.fake().addUser(id, login, "Person " + login,
                List.of(FakeEmail.primaryVerified(login + "@example.org")));
        return login;
    }

    static String owner() {
        return "adm" + IDS.incrementAndGet();
    }

    /** A new individual agreement with version 1.0.0 of this text; its slug. */
    static String agreement(String text) {
        String slug = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("slug", slug, "title", "Admin pages agreement", "kind", "INDIVIDUAL", "firstVersion",
                Map.of("version", "1.0.0", "text", text, "terms",
                        Map.of("grant", "LICENSE", "sublicensable", true, "coversPriorContributions", false,
                                "patentGrant", true, "outboundPolicy", "SAME_OR_OSI", "outboundLicenses",
                                List.of()))))
                .post("/api/agreements").then().statusCode(201);
        return slug;
    }
}
