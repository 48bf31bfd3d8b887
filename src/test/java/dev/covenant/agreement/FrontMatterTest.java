package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.covenant.api.FieldError;

class FrontMatterTest {

    @Test
    void theHeaderIsSplitFromTheText() {
        FrontMatter fm = FrontMatter.parse("---\nslug: x\nlist: A, B\n---\n# Title\nbody\n", "x.md");
        assertEquals("x", fm.require("slug"));
        assertEquals("A, B", fm.require("list"));
        assertEquals("# Title\nbody\n", fm.body());
    }

    @Test
    void aFileWithoutHeaderIsRefused() {
        assertThrows(IllegalStateException.class, () -> FrontMatter.parse("# no header", "x.md"));
        assertThrows(IllegalStateException.class, () -> FrontMatter.parse("---\nslug: x\n", "x.md"));
        assertThrows(IllegalStateException.class, () -> FrontMatter.parse("---\nnot a pair\n---\n", "x.md"));
    }

    @Test
    void everyShippedAgreementIsValidInput() {
        for (String file : ShippedAgreements.FILES) {
            AgreementRequests.NewAgreement request = ShippedAgreements
                    .toRequest(FrontMatter.parse(ShippedAgreements.read(file), file));
            List<FieldError> errors = AgreementValidator.checkAgreement(request);
            assertTrue(errors.isEmpty(), file + ": " + errors);
            assertTrue(request.firstVersion().text().startsWith("# "), file);
        }
    }
}
