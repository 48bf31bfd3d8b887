package dev.covenant.api;

import java.util.List;
import java.util.function.IntFunction;

import jakarta.ws.rs.core.UriInfo;

/**
 * Long lists through the API, a page at a time: {@code ?offset=} (from 0) and {@code ?limit=} (1 to
 * {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} unless given), in the list's own order. The report's contributors
 * (most commits first) and a campaign's (heaviest first) come this way: a hundred thousand contributors are about
 * 65 MB of JSON. The totals, which count everyone, come with every page, and the CSV holds every row at once.
 */
public record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    public static Paging of(String offset, String limit) {
        return new Paging(number("offset", offset, 0, 0, Integer.MAX_VALUE),
                number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    /** The stretch of {@code all} this page holds. */
    public <T> List<T> slice(List<T> all) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min((long) from + limit, all.size()));
    }

    /** What a page of a list of {@code all} says of itself; {@code link} gives the address of the page at an offset. */
    public Page page(int all, IntFunction<String> link) {
        long next = (long) Math.min(offset, all) + limit;
        return new Page(offset, limit, all, next < all ? link.apply((int) next) : null);
    }

    /** The address of the page at an offset: the request's own, with {@code offset} replaced. */
    public static IntFunction<String> offsets(UriInfo request) {
        return offset -> request.getRequestUriBuilder().replaceQueryParam("offset", offset).build().toString();
    }

    /** The {@code Link} header value that points at the next page, as GitHub's API does. */
    public static String nextLink(String next) {
        return "<" + next + ">; rel=\"next\"";
    }

    private static int number(String field, String text, int absent, int min, int max) {
        return (int) whole(field, text, absent, min, max);
    }

    /**
     * A whole-number query value from {@code min} to {@code max}, {@code absent} when not given. Anything else, a
     * word or a number out of range, is a 400 naming {@code field} (a parameter declared {@code int} would answer 404).
     */
    public static long whole(String field, String text, long absent, long min, long max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(field, min, max);
        }
        if (value < min || value > max) {
            throw outOfRange(field, min, max);
        }
        return value;
    }

    private static InvalidInputException outOfRange(String field, long min, long max) {
        return InvalidInputException.of(field, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? " on" : " to " + max));
    }
}
