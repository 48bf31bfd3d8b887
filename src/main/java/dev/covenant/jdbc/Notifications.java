package dev.covenant.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Waiting for a NOTIFY on a listening connection in short slices, so that a listener asked to stop gives its
 * connection back within one slice instead of holding it until the whole poll interval has passed (the pool is
 * closed right after a clean stop, and a connection still in use then is reported as lost).
 */
public final class Notifications {

    /** The longest a listener keeps waiting after it was asked to stop. */
    static final int SLICE_MILLIS = 200;

    private Notifications() {
    }

    /** Returns at the first notification, after {@code poll}, or within a slice once {@code running} turns false. */
    public static void await(PGConnection connection, Duration poll, BooleanSupplier running) throws SQLException {
        long deadline = System.nanoTime() + poll.toNanos();
        while (running.getAsBoolean()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            PGNotification[] received = connection.getNotifications((int) Math.min(left, SLICE_MILLIS));
            if (received != null && received.length > 0) {
                return;
            }
        }
    }

    /** Sleeps {@code poll}, or until {@code running} turns false (checked every slice), or the thread is interrupted. */
    public static void pause(Duration poll, BooleanSupplier running) {
        long deadline = System.nanoTime() + poll.toNanos();
        while (running.getAsBoolean()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left, SLICE_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits up to {@code patience} for each thread to end (listeners that were asked to stop). */
    public static void join(Iterable<Thread> threads, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Thread thread : threads) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
