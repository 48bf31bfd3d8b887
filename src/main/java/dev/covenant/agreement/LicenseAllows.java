package dev.covenant.agreement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.covenant.agreement.SpdxExpression.And;
import dev.covenant.agreement.SpdxExpression.LicenseTerm;
import dev.covenant.agreement.SpdxExpression.Or;

/**
 * Whether work received under one license may be passed on under the target without anyone's further permission:
 * the target is one of the choices the license already gives. Pure and conservative:
 * <ul>
 * <li>the same licensing (as {@link SpdxExpression#isEquivalentTo}) is allowed;</li>
 * <li>of a choice ({@code A OR B}) the project may keep any one alternative, or several: every alternative the target
 * offers must be allowed by some alternative of the license;</li>
 * <li>"or any later version" ({@code GPL-2.0-or-later}, {@code GPL-2.0+}) allows that version and every later one of
 * the same license, with the same exception ({@code GPL-3.0-only}, {@code GPL-3.0-or-later});</li>
 * <li>a conjunction ({@code A AND B}) is allowed only conjunct for conjunct: each part of the target must be allowed
 * by a part of the license, and each part of the license must be kept by a part of the target.</li>
 * </ul>
 * Nothing else counts, in particular not a license's compatibility with another ({@code MIT} does not allow
 * {@code Apache-2.0}): that takes the contributor's grant or consent.
 */
public final class LicenseAllows {

    private static final Pattern VERSIONED = Pattern.compile("(.+?)-(\\d+(?:\\.\\d+)*)(-only|-or-later)?");

    private LicenseAllows() {
    }

    /** Whether {@code license} allows {@code target}; false when the license is unknown (null). */
    public static boolean allows(SpdxExpression license, SpdxExpression target) {
        Objects.requireNonNull(target, "target");
        return license != null && (license.isEquivalentTo(target) || allowedBy(target, license));
    }

    private static boolean allowedBy(SpdxExpression target, SpdxExpression license) {
        if (target instanceof Or or) {
            return or.operands().stream().allMatch(t -> allowedBy(t, license));
        }
        if (license instanceof Or or) {
            return or.operands().stream().anyMatch(l -> allowedBy(target, l));
        }
        if (target instanceof And and && license instanceof And parts) {
            return and.operands().stream().allMatch(t -> parts.operands().stream().anyMatch(l -> allowedBy(t, l)))
                    && parts.operands().stream().allMatch(l -> and.operands().stream().anyMatch(t -> allowedBy(t, l)));
        }
        if (target instanceof And and) {
            return and.operands().stream().allMatch(t -> allowedBy(t, license));
        }
        if (license instanceof And parts) {
            return parts.operands().stream().allMatch(l -> allowedBy(target, l));
        }
        return term((LicenseTerm) target, (LicenseTerm) license);
    }

    private static boolean term(LicenseTerm target, LicenseTerm license) {
        if (target.isEquivalentTo(license)) {
            return true;
        }
        if (!Objects.equals(lower(target.exception()), lower(license.exception()))) {
            return false;
        }
        Version from = Version.of(license);
        Version to = Version.of(target);
        return from != null && to != null && from.orLater() && from.family().equals(to.family())
                && compare(to.numbers(), from.numbers()) >= 0;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** A license id read as family, version and whether "or any later version" is granted. */
    private record Version(String family, List<Integer> numbers, boolean orLater) {

        static Version of(LicenseTerm term) {
            if (term.isLicenseRef()) {
                return null;
            }
            String spelled = SpdxLicenses.standard().currentSpelling(term.id(), term.orLater());
            boolean plus = spelled.endsWith("+");
            Matcher m = VERSIONED.matcher(plus ? spelled.substring(0, spelled.length() - 1) : spelled);
            if (!m.matches()) {
                return null;
            }
            List<Integer> numbers = Arrays.stream(m.group(2).split("\\.")).map(Integer::valueOf).toList();
            return new Version(m.group(1).toLowerCase(Locale.ROOT), numbers, plus || "-or-later".equals(m.group(3)));
        }
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
