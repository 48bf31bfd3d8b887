package dev.covenant;

import dev.covenant.embedded.EmbeddedDatabaseTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Declares the embedded PostgreSQL for every @QuarkusTest in this module (not restricted to one class). */
@QuarkusTestResource(EmbeddedDatabaseTestResource.class)
public final class TestDatabase {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private TestDatabase() {
    }
}
