package dev.covenant.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.covenant.api.InvalidInputException;
import dev.covenant.api.Paging;

@Path("/api/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class LedgerResource {

    private static final Pattern HEAD = Pattern.compile("([0-9]{1,18}):([0-9a-f]{64})");

    private final LedgerVerifier verifier;
    private final LedgerHeads heads;
    private final LedgerKeys keys;

    LedgerResource(LedgerVerifier verifier, LedgerHeads heads, LedgerKeys keys) {
        this.verifier = verifier;
        this.heads = heads;
        this.keys = keys;
    }

    public record EntryView(long seq, int format, String kind, String event, String prevHash, String hash,
            Instant recordedAt, RowView row) {
        static EntryView of(LedgerEntry e) {
            return new EntryView(e.seq, e.format, e.kind, e.event, e.prevHash, e.hash, e.recordedAt,
                    e.rowTable == null ? null : new RowView(e.rowTable, e.rowId, e.rowHash));
        }
    }

    public record RowView(String table, String id, String hash) {
    }

    /** Entries in order, after a sequence number: page through with the last seq you saw. */
    @GET
    public List<EntryView> list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        return LedgerEntry
                .findPage(Paging.whole("after", after, 0, 0, Long.MAX_VALUE),
                        (int) Paging.whole("limit", limit, 100, 1, 1000))
                .stream().map(EntryView::of).toList();
    }

    /**
     * Recomputes every hash and link, re-derives every protected row's hash from the row, and, given a head saved
     * elsewhere as {@code <seq>:<hash>}, checks that the chain still holds it.
     */
    @GET
    @Path("/verify")
    public LedgerVerifier.Verification verify(@QueryParam("head") String head) {
        return verifier.verify(Optional.ofNullable(head).map(LedgerResource::savedHead));
    }

    /** The newest entry's seq and hash, signed with the service's key: store it elsewhere to anchor the ledger. */
    @GET
    @Path("/head")
    @PermitAll
    public LedgerHeads.Head head() {
        return heads.current();
    }

    /** The public key that signs heads. */
    @GET
    @Path("/key")
    @PermitAll
    public LedgerKeys.PublicKeyView key() {
        return keys.published();
    }

    private static LedgerVerifier.SavedHead savedHead(String text) {
        Matcher m = HEAD.matcher(text);
        if (!m.matches()) {
            throw InvalidInputException.of("head", "must be <seq>:<hash>, the hash 64 lower-case hex digits");
        }
        return new LedgerVerifier.SavedHead(Long.parseLong(m.group(1)), m.group(2));
    }
}
