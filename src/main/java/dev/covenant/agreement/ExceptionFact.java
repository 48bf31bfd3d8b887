package dev.covenant.agreement;

import java.util.Objects;

/**
 * What the SPDX License List says about one license exception (the part after {@code WITH}).
 *
 * @param id the canonical SPDX exception id (e.g. {@code Classpath-exception-2.0})
 * @param name the full name of the exception
 * @param deprecated whether SPDX replaced the id by another
 */
public record ExceptionFact(String id, String name, boolean deprecated) {

    public ExceptionFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
