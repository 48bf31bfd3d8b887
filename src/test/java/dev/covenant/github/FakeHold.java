package dev.covenant.github;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The next API request matching a method and path waits, unanswered, until the test releases it: a way to freeze
 * the service in the middle of its work (to change the world under it, or to kill it there).
 */
public final class FakeHold {

    private final String method;
    private final Pattern path;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    FakeHold(String method, String pathRegex) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = Pattern.compile(pathRegex);
    }

    /** Blocks the calling request if it is the first to match; returns whether it did. */
    boolean hold(RecordedRequest request, String apiPath) {
        if (!method.equals(FakeRoute.method(request)) || !path.matcher(apiPath).matches()
                || !taken.compareAndSet(false, true)) {
            return false;
        }
        held.countDown();
        try {
            // A test that forgets to release must not hang the fake for ever.
            released.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Waits until a matching request arrived and is being held. */
    public void awaitHeld() {
        try {
            if (!held.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("no " + method + " " + path + " arrived within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lets the held request (and any later one) through. */
    public void release() {
        released.countDown();
    }
}
