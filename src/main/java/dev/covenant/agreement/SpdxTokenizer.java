package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.List;

/** Splits an SPDX license expression into tokens that remember where they start. */
final class SpdxTokenizer {

    enum Kind {
        WORD, OPEN, CLOSE, PLUS, AND, OR, WITH, END
    }

    record Token(Kind kind, String text, int position) {

        int end() {
            return position + text.length();
        }

        boolean isOperator() {
            return kind == Kind.AND || kind == Kind.OR || kind == Kind.WITH;
        }

        /** How the token reads in an error message. */
        String describe() {
            return switch (kind) {
                case END -> "the end of the expression";
                case AND, OR, WITH -> "operator " + text;
                default -> "'" + text + "'";
            };
        }
    }

    private SpdxTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '+') {
                Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.PLUS;
                tokens.add(new Token(kind, String.valueOf(c), i++));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(word(text, text.substring(start, i), start));
            } else {
                throw new SpdxParseException("Unexpected character '" + c + "'", text, String.valueOf(c), i, List.of());
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    private static Token word(String text, String word, int position) {
        for (Kind operator : List.of(Kind.AND, Kind.OR, Kind.WITH)) {
            String upper = operator.name();
            if (word.equals(upper) || word.equals(upper.toLowerCase())) {
                return new Token(operator, upper, position);
            }
            // SPDX allows exactly AND or and; "And" is surely meant as the operator, so say that
            // rather than report it as an unknown license id.
            if (word.equalsIgnoreCase(upper)) {
                throw new SpdxParseException("Operator '" + word + "' must be written " + upper + " or "
                        + upper.toLowerCase(), text, word, position, List.of());
            }
        }
        return new Token(Kind.WORD, word, position);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == ':';
    }
}
