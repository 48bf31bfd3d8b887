package dev.covenant.web;

import java.util.function.Supplier;

import dev.covenant.api.InvalidInputException;

/** A failure a person sees as a page: a status, a title and a plain explanation of what to do. */
public class PageException extends RuntimeException {

    private final int status;
    private final String title;

    public PageException(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static PageException forbidden(String message) {
        return new PageException(403, "Not allowed", message);
    }

    public static PageException notFound(String message) {
        return new PageException(404, "Not found", message);
    }

    /**
     * A path value read for a page: {@code read}'s answer, or a 404 page saying {@code message} when it refuses the
     * value as the JSON API would (a 400 there; a page at a path that cannot exist is not found).
     */
    public static <T> T orNotFound(Supplier<T> read, String message) {
        try {
            return read.get();
        } catch (InvalidInputException e) {
            throw notFound(message);
        }
    }
}
