package dev.covenant.web;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who runs this Covenant from the browser. */
@ConfigMapping(prefix = "covenant")
public interface AdminsConfig {

    /**
     * GitHub logins, comma-separated ({@code COVENANT_ADMINS}), whose sessions get the admin role: the
     * administration pages and the admin API. Compared without regard to case, with the login GitHub reported at the
     * person's last sign-in. Unset: nobody signed in is an admin.
     */
    Optional<List<String>> admins();
}
