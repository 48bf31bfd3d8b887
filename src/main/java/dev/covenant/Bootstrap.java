package dev.covenant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.covenant.agreement.ShippedAgreements;
import dev.covenant.web.ApiTokens;

/** First-start work: an admin token to reach the API, and the shipped agreements in an empty database. */
@Singleton
public class Bootstrap {

    void onStart(@Observes StartupEvent event, CovenantConfig config, ApiTokens tokens, ShippedAgreements shipped) {
        tokens.bootstrap(config.adminToken().filter(t -> !t.isBlank()));
        shipped.loadIfEmpty();
    }
}
