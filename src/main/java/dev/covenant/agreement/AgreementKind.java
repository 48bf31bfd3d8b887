package dev.covenant.agreement;

/** Who signs: a person for their own contributions, or a company for its employees'. */
public enum AgreementKind {
    INDIVIDUAL, CORPORATE
}
