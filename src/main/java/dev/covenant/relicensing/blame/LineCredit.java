package dev.covenant.relicensing.blame;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who a surviving line is credited to, and when it was written: the author of the commit that wrote it (after the
 * {@code .mailmap}, lower-cased), that commit's co-authors ({@code Co-authored-by:}, lower-cased, sorted, without
 * the author), and the commit's author date. The line is cleared only when every one of them is; the date is the
 * one the relicensing report judges that commit by ({@code authored_at}), since an agreement may cover a person's
 * contributions of some dates and not others.
 */
record LineCredit(String author, List<String> coAuthors, Instant authoredAt) {

    LineCredit {
        coAuthors = List.copyOf(coAuthors);
        Objects.requireNonNull(authoredAt, "authoredAt");
    }
}
