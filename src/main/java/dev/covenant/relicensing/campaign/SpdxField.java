package dev.covenant.relicensing.campaign;

import java.util.List;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.agreement.SpdxParseException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;

/** An SPDX expression from a request field, refused as the report refuses {@code to}: with the closest real ids. */
final class SpdxField {

    private SpdxField() {
    }

    static SpdxExpression parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "is required: an SPDX license expression");
        }
        try {
            return SpdxExpression.parse(text);
        } catch (SpdxParseException e) {
            throw new InvalidInputException(List.of(new FieldError(field, e.getMessage(), e.suggestions())));
        }
    }
}
