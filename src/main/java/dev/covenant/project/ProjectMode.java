package dev.covenant.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a project's contributors are cleared: by its agreement, by a Developer Certificate of Origin sign-off
 * ({@code Signed-off-by:}) on every commit, or, person by person, by either.
 */
public enum ProjectMode {
    /** Every contributor is covered by the agreement (a signature, a company's approval, the allowlist). */
    CLA,
    /** Every commit carries its author's {@code Signed-off-by:} trailer; no agreement is asked for. */
    DCO,
    /** Each contributor is covered by the agreement, or signed off every commit of theirs. */
    CLA_OR_DCO;

    /** Whether a sign-off clears a contribution at all: such a contribution is given under the project's license. */
    public boolean takesSignOffs() {
        return this != CLA;
    }

    /** Whether the agreement clears a contributor at all. */
    public boolean takesAgreement() {
        return this != DCO;
    }

    /** The mode a request names exactly (as the API writes it), if any. */
    public static Optional<ProjectMode> named(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
