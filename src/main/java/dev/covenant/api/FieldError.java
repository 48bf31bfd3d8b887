package dev.covenant.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with the input: which field, what is wrong, and the closest valid values where we know them. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldError(String field, String message, List<String> suggestions) {

    public FieldError(String field, String message) {
        this(field, message, List.of());
    }
}
