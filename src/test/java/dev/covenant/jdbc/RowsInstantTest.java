package dev.covenant.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * {@link Rows#instant} reads every {@code timestamptz} as the instant PostgreSQL holds, from binary results (as
 * {@link Rows#query} asks for them) and from text ones (through a pooler nothing is prepared), including days before
 * the Gregorian calendar, microseconds, and instants just before either epoch (1970's and PostgreSQL's 2000).
 */
@QuarkusTest
class RowsInstantTest {

    private static final List<String> INSTANTS = Arrays.asList("1970-01-01T00:00:00Z",
            "2026-12-04T08:00:00.123456Z", "1969-12-31T23:59:59.999999Z", "1582-10-15T00:00:00Z",
            "1582-10-14T23:59:59.999999Z", "1582-10-20T12:00:00Z", "1500-03-01T12:00:00Z", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999Z", "1999-12-31T23:59:59.999999Z", "2000-01-01T00:00:00.000001Z", null);
    private static final String SQL = "SELECT u.t::timestamptz AS t, u.n FROM unnest(?::text[]) WITH ORDINALITY"
            + " AS u(t, n) ORDER BY u.n";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void binaryResultsGiveTheInstantsPostgreSqlHolds() throws Exception {
        List<Instant> read = new ArrayList<>();
        List<Integer> formats = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Rows.query(c, SQL, rs -> {
                read.add(Rows.instant(rs, "t"));
                formats.add(rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1));
            }, Rows.texts(INSTANTS));
        }
        assertEquals(expected(), read);
        assertEquals(List.of(1), formats.stream().distinct().toList(), "binary results, as Rows.query asks");
    }

    @Test
    void textResultsGiveTheSameInstants() throws Exception {
        List<Instant> read = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            ps.setArray(1, c.createArrayOf("text", INSTANTS.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read.add(Rows.instant(rs, "t"));
                }
            }
        }
        assertEquals(expected(), read);
    }

    private static List<Instant> expected() {
        return INSTANTS.stream().map(t -> t == null ? null : Instant.parse(t)).toList();
    }
}
