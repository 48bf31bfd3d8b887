package dev.covenant.relicensing.history;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What git itself says about a repository, per e-mail address (after .mailmap): commits authored
 * ({@code git shortlog -sne}), commits credited (authored or co-authored) and the lines added by those commits
 * ({@code git log --numstat} sums), and the totals. Merges are left out of all but {@link #commits}: git gives them no
 * numstat, so none has lines of its own, and the relicensing report leaves such merges out.
 */
final class HistoryExpectations {

    record Person(long authored, long credited, long lines) {
    }

    private static final Pattern SHORTLOG = Pattern.compile("\\s*(\\d+)\\t.*<([^>]*)>");
    private static final Pattern TRAILER = Pattern.compile("<([^>]+)>");

    final Map<String, Person> byEmail = new HashMap<>();
    /** Every commit, merges included: what an import adds. */
    long commits;
    /** The commits the report counts: all but the merges ({@code git rev-list --count --no-merges}). */
    long reported;
    long lines;

    HistoryExpectations(GitRepo repo) {
        Map<String, long[]> sums = new HashMap<>();
        for (String line : repo.git("shortlog", "-sne", "--no-merges", "HEAD").split("\n")) {
            Matcher m = SHORTLOG.matcher(line);
            if (m.matches()) {
                sums.computeIfAbsent(m.group(2).toLowerCase(Locale.ROOT), k -> new long[3])[0] = Long
                        .parseLong(m.group(1));
            }
        }
        commits = Long.parseLong(repo.git("rev-list", "--count", "HEAD").strip());
        String log = repo.git("log", "--no-merges", "--use-mailmap", "--no-renames", "--numstat",
                "--format=#%H%x09%aE%x09%(trailers:key=Co-authored-by,valueonly,separator=%x09)");
        String[] credited = new String[0];
        for (String line : log.split("\n")) {
            if (line.startsWith("#")) {
                reported++;
                String[] fields = line.substring(1).split("\t");
                credited = new String[fields.length - 1];
                credited[0] = fields[1].toLowerCase(Locale.ROOT);
                for (int i = 2; i < fields.length; i++) {
                    Matcher m = TRAILER.matcher(fields[i]);
                    credited[i - 1] = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
                }
                for (String email : credited) {
                    if (email != null) {
                        sums.computeIfAbsent(email, k -> new long[3])[1]++;
                    }
                }
            } else if (!line.isBlank() && !line.startsWith("-\t")) {
                long added = Long.parseLong(line.substring(0, line.indexOf('\t')));
                lines += added;
                for (String email : credited) {
                    if (email != null) {
                        sums.get(email)[2] += added;
                    }
                }
            }
        }
        sums.forEach((email, s) -> byEmail.put(email, new Person(s[0], s[1], s[2])));
    }
}
