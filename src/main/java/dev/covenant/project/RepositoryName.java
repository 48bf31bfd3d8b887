package dev.covenant.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;

/** {@code owner/repo} as GitHub allows it, lower-cased: GitHub names are case-insensitive, and so are our keys. */
public final class RepositoryName {

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private RepositoryName() {
    }

    public static String of(String owner, String repo) {
        List<FieldError> errors = new ArrayList<>();
        if (owner == null || !OWNER.matcher(owner).matches()) {
            errors.add(new FieldError("owner", "is not a GitHub account name"));
        }
        if (repo == null || !REPO.matcher(repo).matches() || repo.equals(".") || repo.equals("..")) {
            errors.add(new FieldError("repo", "is not a GitHub repository name"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return (owner + "/" + repo).toLowerCase(Locale.ROOT);
    }
}
