package dev.covenant.admin;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.ledger.LedgerEntry;
import dev.covenant.ledger.LedgerHeads;
import dev.covenant.ledger.LedgerVerifier;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.Roles;

/** The ledger's head and size, and verifying the whole chain (reading only, so a GET). */
@Path("/admin/ledger")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class LedgerPagesResource {

    private final Caller caller;
    private final LedgerHeads heads;
    private final LedgerVerifier verifier;

    LedgerPagesResource(Caller caller, LedgerHeads heads, LedgerVerifier verifier) {
        this.caller = caller;
        this.heads = heads;
        this.verifier = verifier;
    }

    @GET
    public TemplateInstance ledger() {
        return page(null);
    }

    @GET
    @Path("verify")
    public TemplateInstance verify() {
        return page(verifier.verify(Optional.empty()));
    }

    private TemplateInstance page(LedgerVerifier.Verification verification) {
        return QuarkusTransaction.requiringNew().call(() -> AdminPages.ledger(Layout.Visitor.of(caller),
                heads.current(), LedgerEntry.count(), verification));
    }
}
