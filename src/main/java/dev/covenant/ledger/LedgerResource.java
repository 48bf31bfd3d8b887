package dev.covenant.ledger;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.covenant.api.Paging;

@Path("/api/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class LedgerResource {

    private final LedgerVerifier verifier;

    LedgerResource(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    public record EntryView(long seq, String kind, String event, String prevHash, String hash, Instant recordedAt) {
        static EntryView of(LedgerEntry e) {
            return new EntryView(e.seq, e.kind, e.event, e.prevHash, e.hash, e.recordedAt);
        }
    }

    /** Entries in order, after a sequence number: page through with the last seq you saw. */
    @GET
    public List<EntryView> list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        return LedgerEntry
                .findPage(Paging.whole("after", after, 0, 0, Long.MAX_VALUE),
                        (int) Paging.whole("limit", limit, 100, 1, 1000))
                .stream().map(EntryView::of).toList();
    }

    /** Recomputes every hash and link; names the first entry that does not fit. */
    @GET
    @Path("/verify")
    public LedgerVerifier.Verification verify() {
        return verifier.verify();
    }
}
