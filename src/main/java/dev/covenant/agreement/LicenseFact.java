package dev.covenant.agreement;

import java.util.Objects;

/**
 * What the SPDX License List says about one license.
 *
 * @param id the canonical SPDX id, in the list's own spelling (e.g. {@code Apache-2.0})
 * @param name the full name of the license
 * @param osiApproved whether the Open Source Initiative approved it
 * @param fsfLibre whether the FSF judged it free/libre; {@code false} also where the FSF has
 *     not judged the license at all, since an unjudged license cannot be promised as libre
 * @param deprecated whether SPDX replaced the id by another (e.g. {@code GPL-2.0})
 */
public record LicenseFact(String id, String name, boolean osiApproved, boolean fsfLibre, boolean deprecated) {

    public LicenseFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
