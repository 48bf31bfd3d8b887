package dev.covenant;

import io.quarkus.test.common.QuarkusTestResource;

import dev.covenant.embedded.EmbeddedDatabaseTestResource;
import dev.covenant.github.FakeGitHubResource;

/** Declares the embedded PostgreSQL and the fake GitHub for every @QuarkusTest in this module. */
@QuarkusTestResource(EmbeddedDatabaseTestResource.class)
@QuarkusTestResource(FakeGitHubResource.class)
public final class TestDatabase {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private TestDatabase() {
    }
}
