package dev.covenant.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.covenant.CovenantConfig;

/**
 * Who may read {@code /q/metrics}: only an admin token, since the counts tell who is busy with what (deliveries per
 * repository, jobs, GitHub's answers), unless {@code COVENANT_METRICS_PUBLIC=true} opens it to a scraper without one.
 */
@ApplicationScoped
public class MetricsPolicy implements HttpSecurityPolicy {

    private final CovenantConfig config;

    MetricsPolicy(CovenantConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        if (config.metricsPublic()) {
            return CheckResult.permit();
        }
        return identity.map(caller -> caller.hasRole(Roles.ADMIN) ? CheckResult.PERMIT : CheckResult.DENY);
    }
}
