package dev.covenant.relicensing;

import java.util.function.IntFunction;

import dev.covenant.api.InvalidInputException;
import dev.covenant.relicensing.ReportModel.Page;
import dev.covenant.relicensing.ReportModel.Report;

/**
 * The report's contributors through the API, a page at a time: {@code ?offset=} (from 0) and {@code ?limit=} (1 to
 * {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} unless given), in the report's order, most commits first. A hundred
 * thousand contributors are about 65 MB of JSON; the totals, which count everyone, come with every page, and the CSV
 * holds every row at once.
 */
record ReportPaging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    static ReportPaging of(String offset, String limit) {
        return new ReportPaging(number("offset", offset, 0, 0, Integer.MAX_VALUE),
                number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    /** This page of {@code report}; {@code link} gives the address of the page starting at an offset. */
    Report apply(Report report, IntFunction<String> link) {
        int all = report.contributors().size();
        int from = Math.min(offset, all);
        int to = (int) Math.min((long) from + limit, all);
        return new Report(report.repository(), report.target(), report.at(), report.atCommit(), report.totals(),
                report.contributors().subList(from, to), new Page(offset, limit, all, to < all ? link.apply(to) : null));
    }

    private static int number(String field, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(field, min, max);
        }
        if (value < min || value > max) {
            throw outOfRange(field, min, max);
        }
        return value;
    }

    private static InvalidInputException outOfRange(String field, int min, int max) {
        return InvalidInputException.of(field, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " on" : " to " + max));
    }
}
