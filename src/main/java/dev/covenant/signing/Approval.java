package dev.covenant.signing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.Formula;

/** One line of a company's approval list: who it covers, by which criterion, and for which dates. */
@Entity
@Table(name = "approval")
public class Approval extends PanacheEntityBase {

    public enum Kind {
        GITHUB_USER("GitHub user"), EMAIL("E-mail address"), DOMAIN("E-mail domain"), GITHUB_ORG(
                "GitHub organisation members");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The criterion as the pages name it. */
        public String words() {
            return words;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "corporate_id", nullable = false)
    public UUID corporateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** Lower-cased login, address, domain or organisation. */
    @Column(nullable = false)
    public String value;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    /** Inclusive; null means open-ended. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "added_by", nullable = false)
    public long addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "ledger_seq", nullable = false)
    public long ledgerSeq;

    /** When it was taken off the list, from its removal row: a removal is a new row, never a change of this one. */
    @Formula("(SELECT r.removed_at FROM approval_removal r WHERE r.approval_id = id)")
    public Instant removedAt;

    @Formula("(SELECT r.removed_by FROM approval_removal r WHERE r.approval_id = id)")
    public Long removedBy;

    public static List<Approval> activeOf(UUID corporateId) {
        return list("corporateId = ?1 and removedAt is null order by kind, value", corporateId);
    }

    /** Approvals that could cover someone with these facts, across all companies. */
    public static List<Approval> candidates(String login, List<String> emails, List<String> domains) {
        return list("removedAt is null and ((kind = ?1 and value = ?2) or (kind = ?3 and value in ?4) "
                + "or (kind = ?5 and value in ?6) or kind = ?7)",
                Kind.GITHUB_USER, login == null ? "" : login.toLowerCase(), Kind.EMAIL,
                emails.isEmpty() ? List.of("") : emails,
                Kind.DOMAIN, domains.isEmpty() ? List.of("") : domains, Kind.GITHUB_ORG);
    }
}
