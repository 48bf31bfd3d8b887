package dev.covenant.agreement;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of the form a version asks signers to fill in. {@code VERIFIED_EMAIL} is chosen from the addresses
 * GitHub has verified for the signer, so it can later match their commits.
 */
public record FormField(String name, String label, Type type, boolean required) {

    public enum Type {
        TEXT, TEXTAREA, EMAIL, VERIFIED_EMAIL, COUNTRY, NUMBER, DATE, CHECKBOX
    }

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** What an individual agreement asks when its version names no fields. */
    public static final List<FormField> INDIVIDUAL_DEFAULT = List.of(
            new FormField("name", "Full name", Type.TEXT, true),
            new FormField("email", "E-mail address", Type.VERIFIED_EMAIL, true));

    public static List<FormField> defaultsFor(AgreementKind kind) {
        return kind == AgreementKind.INDIVIDUAL ? INDIVIDUAL_DEFAULT : List.of();
    }
}
