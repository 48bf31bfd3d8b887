package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.agreement.FormField;
import dev.covenant.agreement.FormValues;

class FormValuesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "TEXT, true, '', Please fill this in",
            "TEXT, false, '', NULL",
            "TEXT, true, Ada, NULL",
            "EMAIL, true, ada@example.org, NULL",
            "EMAIL, true, not-an-address, Please enter an e-mail address like name@example.org",
            "VERIFIED_EMAIL, true, ada@example.org, NULL",
            "VERIFIED_EMAIL, true, ADA@EXAMPLE.ORG, NULL",
            "VERIFIED_EMAIL, true, eve@example.org, Please choose one of the addresses GitHub has verified for you",
            "NUMBER, true, 42, NULL",
            "NUMBER, true, forty, Please enter a number",
            "DATE, true, 2026-02-30, Please enter a date as YYYY-MM-DD",
            "DATE, true, 2026-02-28, NULL",
            "CHECKBOX, true, '', Please tick this box",
            "CHECKBOX, true, on, NULL"})
    void eachTypeIsChecked(FormField.Type type, boolean required, String value, String error) {
        var checked = FormValues.check(List.of(new FormField("f", "F", type, required)), Map.of("f", value),
                List.of("ada@example.org"));
        assertEquals(error, checked.errors().get("f"));
    }

    @org.junit.jupiter.api.Test
    void valuesOver500CharactersAreRefusedAndOthersTrimmed() {
        var fields = List.of(new FormField("a", "A", FormField.Type.TEXT, true),
                new FormField("b", "B", FormField.Type.TEXT, true));
        var checked = FormValues.check(fields, Map.of("a", "x".repeat(501), "b", "  kept  "), List.of());
        assertEquals("Please keep this to 500 characters or fewer", checked.errors().get("a"));
        assertNull(checked.errors().get("b"));
        assertEquals("kept", checked.values().get("b"));
    }
}
