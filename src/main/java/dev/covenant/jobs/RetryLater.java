package dev.covenant.jobs;

/**
 * A fault that may pass (GitHub down, a rate limit, a network error): the work is tried again later, no earlier than
 * {@code notBeforeSeconds} when whoever refused said so. Anything else thrown from a unit of work fails it for good.
 */
public class RetryLater extends RuntimeException {

    private final long notBeforeSeconds;

    public RetryLater(String message, long notBeforeSeconds, Throwable cause) {
        super(message, cause);
        this.notBeforeSeconds = notBeforeSeconds;
    }

    public RetryLater(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public long notBeforeSeconds() {
        return notBeforeSeconds;
    }
}
