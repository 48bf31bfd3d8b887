package dev.covenant.api;

import java.util.List;

/** Input that fails validation at the edge; answered with 400 and a problem document naming every bad field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        if (errors.isEmpty()) {
            throw new IllegalStateException("An invalid-input error needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
