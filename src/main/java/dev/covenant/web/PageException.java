package dev.covenant.web;

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
}
