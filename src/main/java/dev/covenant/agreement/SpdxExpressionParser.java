package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.List;

import dev.covenant.agreement.SpdxExpression.LicenseTerm;
import dev.covenant.agreement.SpdxTokenizer.Kind;
import dev.covenant.agreement.SpdxTokenizer.Token;

/**
 * Recursive descent over the SPDX expression grammar: {@code OR} binds loosest, then {@code AND},
 * then {@code WITH}; {@code +} sticks to the id before it. Ids are checked against the list while
 * parsing so that an error can point at the exact token.
 */
final class SpdxExpressionParser {

    private static final int SUGGESTIONS = 3;
    /** The longest expression accepted: the database keeps license texts up to this length. */
    static final int MAX_LENGTH = 500;

    private final String text;
    private final SpdxReferences references;
    private List<Token> tokens;
    private int next;

    SpdxExpressionParser(String text, SpdxLicenses licenses) {
        this.text = text == null ? "" : text;
        this.references = new SpdxReferences(this.text, licenses, SUGGESTIONS);
    }

    SpdxExpression parse() {
        if (text.isBlank()) {
            throw new SpdxParseException("License expression is empty", text, "", 0, List.of());
        }
        if (text.length() > MAX_LENGTH) {
            throw new SpdxParseException("License expression is longer than " + MAX_LENGTH + " characters", text, "",
                    MAX_LENGTH, List.of());
        }
        tokens = SpdxTokenizer.tokenize(text);
        SpdxExpression expression = orExpression();
        Token extra = peek();
        if (extra.kind() == Kind.CLOSE) {
            throw error("Unexpected ')' without a matching '('", extra);
        }
        if (extra.kind() != Kind.END) {
            throw error("Expected AND, OR or the end of the expression but found " + extra.describe(), extra);
        }
        return expression;
    }

    private SpdxExpression orExpression() {
        List<SpdxExpression> operands = new ArrayList<>(List.of(andExpression()));
        while (peek().kind() == Kind.OR) {
            next++;
            operands.add(andExpression());
        }
        return operands.size() == 1 ? operands.get(0) : new SpdxExpression.Or(operands);
    }

    private SpdxExpression andExpression() {
        List<SpdxExpression> operands = new ArrayList<>(List.of(primary()));
        while (peek().kind() == Kind.AND) {
            next++;
            operands.add(primary());
        }
        return operands.size() == 1 ? operands.get(0) : new SpdxExpression.And(operands);
    }

    private SpdxExpression primary() {
        Token token = tokens.get(next++);
        switch (token.kind()) {
            case WORD :
                return term(token);
            case OPEN :
                return parenthesized(token);
            case PLUS :
                throw error("'+' must directly follow a license id", token);
            default :
                Token previous = next >= 2 ? tokens.get(next - 2) : null;
                String after = previous == null ? "" : " after " + previous.describe();
                throw error("Expected a license id or '('" + after + " but found " + token.describe(), token);
        }
    }

    private SpdxExpression parenthesized(Token open) {
        SpdxExpression inner = orExpression();
        Token close = peek();
        if (close.kind() == Kind.END) {
            throw error("Missing ')' for this '('", open);
        }
        if (close.kind() != Kind.CLOSE) {
            throw error("Expected AND, OR or ')' but found " + close.describe(), close);
        }
        next++;
        Token after = peek();
        if (after.kind() == Kind.WITH || after.kind() == Kind.PLUS) {
            throw error("'" + after.text() + "' must follow a single license id, not a parenthesized expression",
                    after);
        }
        return inner;
    }

    private LicenseTerm term(Token idToken) {
        String id = references.licenseId(idToken);
        boolean orLater = false;
        if (peek().kind() == Kind.PLUS) {
            Token plus = tokens.get(next++);
            if (plus.position() != idToken.end()) {
                throw error("'+' must directly follow a license id, without a space", plus);
            }
            if (id.contains("LicenseRef-")) {
                throw error("'+' cannot follow a LicenseRef, only an id from the SPDX list", plus);
            }
            orLater = true;
        }
        String exception = null;
        if (peek().kind() == Kind.WITH) {
            next++;
            Token exceptionToken = tokens.get(next++);
            if (exceptionToken.kind() != Kind.WORD) {
                throw error("Expected a license exception id after WITH but found " + exceptionToken.describe(),
                        exceptionToken);
            }
            exception = references.exceptionId(exceptionToken);
        }
        return new LicenseTerm(id, orLater, exception);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private SpdxParseException error(String problem, Token token) {
        return new SpdxParseException(problem, text, token.text(), token.position(), List.of());
    }
}
