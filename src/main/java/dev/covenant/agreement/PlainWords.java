package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.List;

/** The terms of a version as sentences a contributor can read before signing. */
public final class PlainWords {

    private PlainWords() {
    }

    public static List<String> grants(RelicensingTerms terms) {
        List<String> lines = new ArrayList<>();
        lines.add(switch (terms.grant()) {
            case LICENSE ->
                "You keep the copyright in your contributions and give the project a permanent, worldwide, royalty-free license to use them.";
            case EXCLUSIVE_LICENSE ->
                "You keep the copyright in your contributions but give the project an exclusive license: you may not license them to anyone else.";
            case ASSIGNMENT -> "You transfer the copyright in your contributions to the project.";
        });
        lines.add(terms.sublicensable()
                ? "The project may pass these rights on to others (sublicense)."
                : "The project may not pass these rights on to others.");
        lines.add(terms.coversPriorContributions()
                ? "This also covers what you contributed before signing."
                : "This covers only what you contribute after signing.");
        lines.add(terms.patentGrant()
                ? "You also license any of your patents that your contributions need."
                : "You grant no patent license.");
        return lines;
    }
}
