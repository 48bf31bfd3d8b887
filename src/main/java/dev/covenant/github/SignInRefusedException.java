package dev.covenant.github;

/** GitHub refused the sign-in: the person denied access, or the code was wrong, expired or reused. */
public class SignInRefusedException extends RuntimeException {

    private final String error;

    public SignInRefusedException(String error, String description) {
        super(description == null || description.isBlank() ? error : description);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
