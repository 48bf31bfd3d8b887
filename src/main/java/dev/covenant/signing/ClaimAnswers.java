package dev.covenant.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import dev.covenant.api.InvalidInputException;
import dev.covenant.api.Problem;

/** A claim's outcome as the JSON API answers it, and in words for its page. */
final class ClaimAnswers {

    private ClaimAnswers() {
    }

    /** The outcome as a response; a 400 outcome is thrown as the problem naming its field. */
    static Response json(ClaimOutcome outcome, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", outcome.email());
        return switch (outcome.kind()) {
            case SENT -> {
                body.put("codeExpiresAt", outcome.at());
                yield Response.accepted(body).build();
            }
            case VERIFIED, ALREADY_VERIFIED -> {
                body.put("verifiedAt", outcome.at());
                if (outcome.ledger() != null) {
                    body.put("ledger", outcome.ledger());
                }
                yield Response.ok(body).build();
            }
            case LOCKED, TOO_MANY_CODES ->
                Response.fromResponse(Problem.of(429, "Too Many Requests", message(outcome)).toResponse())
                        .header("Retry-After", Math.max(1, Duration.between(now, outcome.at()).toSeconds()))
                        .build();
            case NO_CODE -> throw InvalidInputException.of("email", message(outcome));
            case EXPIRED, WRONG -> throw InvalidInputException.of("code", message(outcome));
        };
    }

    /** What happened, in a sentence for the person, with its instant as the API writes them. */
    static String message(ClaimOutcome outcome) {
        return message(outcome, String::valueOf);
    }

    /** What happened, in a sentence for the person, with its instant written by {@code when}. */
    static String message(ClaimOutcome outcome, java.util.function.Function<java.time.Instant, String> when) {
        String at = outcome.at() == null ? "" : when.apply(outcome.at());
        return switch (outcome.kind()) {
            case SENT -> "A code was mailed to " + outcome.email() + "; it can be entered until " + at
                    + ".";
            case VERIFIED, ALREADY_VERIFIED -> outcome.email() + " is one of your verified addresses since "
                    + at + ".";
            case NO_CODE -> "no code was mailed to " + outcome.email() + " for you: ask for one first";
            case EXPIRED -> "expired at " + at + ": ask for a new one";
            case WRONG -> "is wrong: " + outcome.triesLeft() + " more wrong "
                    + (outcome.triesLeft() == 1 ? "code locks" : "codes lock") + " this claim";
            case LOCKED -> "The claim of " + outcome.email() + " is locked until " + at
                    + " after too many wrong codes.";
            case TOO_MANY_CODES -> "Too many codes were mailed for your claims in the last hour; ask again after "
                    + at + ".";
        };
    }
}
