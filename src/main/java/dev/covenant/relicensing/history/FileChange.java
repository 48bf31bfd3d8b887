package dev.covenant.relicensing.history;

/**
 * One file a commit touched, as {@code git log --numstat} counts it. For a binary file git counts no lines, so
 * {@code added} and {@code deleted} are null and {@code binary} is true; otherwise both are set.
 */
public record FileChange(String path, Integer added, Integer deleted, boolean binary) {

    public FileChange {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a file change needs a path");
        }
        if (binary != (added == null) || binary != (deleted == null)) {
            throw new IllegalArgumentException(path + ": line counts must be absent exactly when the file is binary");
        }
        if (!binary && (added < 0 || deleted < 0)) {
            throw new IllegalArgumentException(path + ": line counts cannot be negative");
        }
    }

    public static FileChange text(String path, int added, int deleted) {
        return new FileChange(path, added, deleted, false);
    }

    public static FileChange binary(String path) {
        return new FileChange(path, null, null, true);
    }
}
