package dev.covenant.relicensing;

import java.util.List;

/**
 * Who a surviving line is credited to: the author of the commit that wrote it (after the {@code .mailmap},
 * lower-cased) and that commit's co-authors ({@code Co-authored-by:}, lower-cased, sorted, without the author).
 * The line is cleared only when every one of them is.
 */
record LineCredit(String author, List<String> coAuthors) {

    LineCredit {
        coAuthors = List.copyOf(coAuthors);
    }
}
