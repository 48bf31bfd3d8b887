package dev.covenant.api;

/** A request that contradicts what is already recorded (an immutable version, an existing slug); answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
