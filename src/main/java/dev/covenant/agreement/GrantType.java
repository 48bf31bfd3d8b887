package dev.covenant.agreement;

/** What the contributor gives the project over their copyright. */
public enum GrantType {
    /** A non-exclusive license: the contributor keeps the copyright and may license it to others too. */
    LICENSE,
    /** An exclusive license: the contributor keeps the copyright but may not license it to anyone else. */
    EXCLUSIVE_LICENSE,
    /** The copyright itself passes to the project. */
    ASSIGNMENT
}
