package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/**
 * Every sum of the report is read from the view {@code contribution_credit}, so each of its branches must filter on
 * its own plain columns: a branch that tested another table (a merge's co-authors looked up their commit) planned a
 * report at a commit as a rescan of the whole view once per commit reached, and a 35,000-commit history's report at
 * its middle commit went from 0.4 s to a timeout. The plan of that query shape must read each table once.
 */
@QuarkusTest
class CreditViewPlanTest {

    @Test
    void theCreditViewIsReadWithoutASubPlanPerRow() throws SQLException {
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("CREATE TEMP TABLE report_cut (sha text) ON COMMIT DROP");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN SELECT cr.email, count(*), sum(cr.lines_added)"
                        + " FROM contribution_credit cr WHERE cr.repository = 'plan/check'"
                        + " AND EXISTS (SELECT 1 FROM report_cut x WHERE x.sha = cr.sha) GROUP BY 1")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains("contribution_coauthor"), plan.toString());
                assertFalse(plan.toString().contains("SubPlan"), "a branch of contribution_credit looks into another"
                        + " table for each row:\n" + plan);
            } finally {
                c.rollback();
            }
        }
    }
}
