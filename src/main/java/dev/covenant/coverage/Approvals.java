package dev.covenant.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.covenant.signing.Approval;

/**
 * Company approval lines indexed by what they name, so that each subject's candidates are found in a few look-ups
 * among a hundred thousand subjects; {@link CoverageRules#matches} still decides. Organisation lines are candidates
 * for everyone with a login: only GitHub knows who is a member.
 */
final class Approvals {

    private final Map<String, List<Grant>> byValue = new HashMap<>();
    private final List<Grant> byOrganisation = new ArrayList<>();

    Approvals(List<Grant> grants) {
        for (Grant grant : grants) {
            Grant.Criterion criterion = grant.approval();
            if (criterion.kind() == Approval.Kind.GITHUB_ORG) {
                byOrganisation.add(grant);
            } else {
                byValue.computeIfAbsent(key(criterion.kind(), criterion.value()), k -> new ArrayList<>()).add(grant);
            }
        }
    }

    boolean isEmpty() {
        return byValue.isEmpty() && byOrganisation.isEmpty();
    }

    /** The organisations some line approves, whose members GitHub must be asked about. */
    Set<String> organisations() {
        Set<String> orgs = new LinkedHashSet<>();
        byOrganisation.forEach(g -> orgs.add(g.approval().value()));
        return orgs;
    }

    /** The lines that may name the subject. */
    List<Grant> candidates(CoverageSubject subject) {
        if (isEmpty()) {
            return List.of();
        }
        Set<Grant> found = new LinkedHashSet<>();
        if (subject.login() != null) {
            found.addAll(byOrganisation);
            found.addAll(byValue.getOrDefault(key(Approval.Kind.GITHUB_USER, subject.login()), List.of()));
        }
        for (String email : subject.emails()) {
            found.addAll(byValue.getOrDefault(key(Approval.Kind.EMAIL, email), List.of()));
            found.addAll(byValue.getOrDefault(key(Approval.Kind.DOMAIN, email.substring(email.indexOf('@') + 1)),
                    List.of()));
        }
        return List.copyOf(found);
    }

    private static String key(Approval.Kind kind, String value) {
        return kind + ":" + value.toLowerCase(Locale.ROOT);
    }
}
