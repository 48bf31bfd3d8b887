package dev.covenant.inbox;

/** The service is stopping and takes no more deliveries; GitHub should send this one again later. */
public class InboxClosedException extends RuntimeException {

    public InboxClosedException() {
        super("The service is stopping and takes no deliveries; send it again later");
    }
}
