package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SPDX License List shipped with Covenant (see {@code spdx/README.md} for its version).
 *
 * <p>Ids are looked up ignoring case, as the SPDX specification asks, and always answered in the
 * list's own spelling, so that stored expressions compare equal however people typed them.
 */
public final class SpdxLicenses {

    private static final class Standard {
        // A holder class defers reading the files until first use and makes that read happen once.
        static final SpdxLicenses INSTANCE = SpdxResources.loadStandard();
    }

    private final String listVersion;
    private final Map<String, LicenseFact> licenses;
    private final Map<String, ExceptionFact> exceptions;
    private final Set<String> fsfRecommendedCopyleft;

    SpdxLicenses(String listVersion, List<LicenseFact> licenses, List<ExceptionFact> exceptions,
            List<String> fsfRecommendedCopyleft) {
        this.listVersion = listVersion;
        this.licenses = byLowerCaseId(licenses, LicenseFact::id);
        this.exceptions = byLowerCaseId(exceptions, ExceptionFact::id);
        this.fsfRecommendedCopyleft = fsfRecommendedCopyleft.stream()
                .map(id -> find(id).orElseThrow(() -> new IllegalStateException(
                        "FSF recommended copyleft table names " + id + ", which is not on the SPDX list")).id())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The list bundled in {@code spdx/} on the classpath, read on first use. */
    public static SpdxLicenses standard() {
        return Standard.INSTANCE;
    }

    /** The SPDX License List version, e.g. {@code 3.28.0}. */
    public String listVersion() {
        return listVersion;
    }

    public List<LicenseFact> licenses() {
        return List.copyOf(licenses.values());
    }

    public List<ExceptionFact> exceptions() {
        return List.copyOf(exceptions.values());
    }

    public Optional<LicenseFact> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(licenses.get(id.toLowerCase(Locale.ROOT)));
    }

    public Optional<ExceptionFact> findException(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(exceptions.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * Up to {@code n} real license ids that someone who wrote {@code unknownId} probably meant,
     * best first. Deprecated ids are replaced by their current spellings ({@code GPL-2.0} by
     * {@code GPL-2.0-only} and {@code GPL-2.0-or-later}).
     */
    public List<String> closest(String unknownId, int n) {
        return IdSuggester.closest(unknownId, licensesIds(),
                id -> licenses.get(id.toLowerCase(Locale.ROOT)).deprecated(), this::successors, n);
    }

    /** Like {@link #closest}, for license exception ids. */
    public List<String> closestExceptions(String unknownId, int n) {
        return IdSuggester.closest(unknownId, exceptions.values().stream().map(ExceptionFact::id).toList(),
                id -> exceptions.get(id.toLowerCase(Locale.ROOT)).deprecated(), id -> List.of(), n);
    }

    /**
     * Whether the id (any case, deprecated spellings included) is on the FSF's recommended
     * copyleft list kept in {@code spdx/fsf-recommended-copyleft.txt}.
     */
    public boolean isFsfRecommendedCopyleft(String id) {
        return find(id).map(fact -> fsfRecommendedCopyleft.contains(fact.id())).orElse(false);
    }

    /**
     * The current id meaning exactly the same license as {@code id}, with {@code +} applied.
     * SPDX deprecated {@code GPL-2.0} for {@code GPL-2.0-only} and {@code GPL-2.0+} for
     * {@code GPL-2.0-or-later} without changing their meaning, and tools such as GitHub's license
     * detection still report the old spellings; comparing current ids keeps them the same license.
     */
    String currentSpelling(String id, boolean orLater) {
        String canonical = find(id).map(LicenseFact::id).orElse(null);
        if (canonical == null) {
            return orLater ? id + "+" : id;
        }
        String family = canonical;
        boolean later = orLater;
        if (family.endsWith("+")) {
            family = family.substring(0, family.length() - 1);
            later = true;
        }
        if (family.endsWith("-or-later")) {
            family = family.substring(0, family.length() - "-or-later".length());
            later = true;
        } else if (family.endsWith("-only")) {
            family = family.substring(0, family.length() - "-only".length());
        }
        return find(family + (later ? "-or-later" : "-only"))
                .map(LicenseFact::id)
                .orElse(orLater ? canonical + "+" : canonical);
    }

    private List<String> successors(String deprecatedId) {
        List<String> result = new ArrayList<>();
        if (deprecatedId.endsWith("+")) {
            find(deprecatedId.substring(0, deprecatedId.length() - 1) + "-or-later").ifPresent(f -> result.add(f.id()));
            return result;
        }
        find(deprecatedId + "-only").ifPresent(f -> result.add(f.id()));
        find(deprecatedId + "-or-later").ifPresent(f -> result.add(f.id()));
        return result;
    }

    private List<String> licensesIds() {
        return licenses.values().stream().map(LicenseFact::id).toList();
    }

    private static <T> Map<String, T> byLowerCaseId(List<T> facts, Function<T, String> id) {
        Map<String, T> result = new LinkedHashMap<>();
        for (T fact : facts) {
            if (result.put(id.apply(fact).toLowerCase(Locale.ROOT), fact) != null) {
                throw new IllegalStateException("Duplicate SPDX id, ignoring case: " + id.apply(fact));
            }
        }
        return Collections.unmodifiableMap(result);
    }
}
