package dev.covenant.agreement;

import java.util.List;

/**
 * An SPDX license expression that cannot be accepted, with enough detail to point at the problem:
 * the offending token, where it starts, and the real ids that were probably meant.
 *
 * <p>Unchecked because expressions mostly come from people through forms and configuration, where
 * the caller turns the message into feedback rather than recovering in code.
 */
public class SpdxParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final String token;
    private final int position;
    private final List<String> suggestions;

    /**
     * @param expression the whole text that was parsed
     * @param token the offending token, or {@code ""} when the problem is the end of the text
     * @param position zero-based character offset of the token in {@code expression}
     * @param suggestions real ids close to an unknown one, best first; empty for syntax errors
     */
    public SpdxParseException(String problem, String expression, String token, int position, List<String> suggestions) {
        super(message(problem, position, suggestions));
        this.expression = expression;
        this.token = token;
        this.position = position;
        this.suggestions = List.copyOf(suggestions);
    }

    public String expression() {
        return expression;
    }

    public String token() {
        return token;
    }

    public int position() {
        return position;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    private static String message(String problem, int position, List<String> suggestions) {
        String located = problem + " at position " + position;
        return suggestions.isEmpty() ? located : located + "; did you mean " + String.join(", ", suggestions) + "?";
    }
}
