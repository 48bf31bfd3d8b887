package dev.covenant;

import dev.covenant.embedded.EmbeddedDatabaseTestResource;
import dev.covenant.github.FakeGitHubResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Declares the embedded PostgreSQL and the fake GitHub for every @QuarkusTest in this module. */
@QuarkusTestResource(EmbeddedDatabaseTestResource.class)
@QuarkusTestResource(FakeGitHubResource.class)
public final class TestDatabase {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private TestDatabase() {
    }
}
