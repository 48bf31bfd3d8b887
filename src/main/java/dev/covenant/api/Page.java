package dev.covenant.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which items of a long list a page holds: {@code offset} and {@code limit} as asked, of {@code total} in all;
 * {@code next} is the address of the next page, null on the last.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page(int offset, int limit, int total, String next) {
}
