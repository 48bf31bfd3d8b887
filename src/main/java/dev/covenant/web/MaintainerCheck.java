package dev.covenant.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * Grants {@link Roles#MAINTAINER} on the repository named by the secured method's {@code owner} and {@code repo}
 * parameters. Quarkus runs it before the method, so before any transaction the method opens; it asks GitHub on a
 * worker thread, once per request ({@link MaintainedRepositories}).
 */
@ApplicationScoped
public class MaintainerCheck {

    @PermissionChecker(Roles.MAINTAINER)
    @Blocking
    boolean maintains(SecurityIdentity identity, String owner, String repo) {
        return Caller.maintains(identity, owner, repo);
    }
}
