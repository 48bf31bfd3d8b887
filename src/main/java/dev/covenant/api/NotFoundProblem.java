package dev.covenant.api;

/** A named thing that does not exist; answered with 404 and the message. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String message) {
        super(message);
    }
}
