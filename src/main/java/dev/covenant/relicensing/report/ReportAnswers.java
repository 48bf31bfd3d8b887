package dev.covenant.relicensing.report;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.relicensing.report.ReportModel.Decided;

/**
 * What people answered when asked for their consent, laid over the decision of a report. The consent campaigns
 * ({@code relicensing.campaign}) provide it, so that the report does not depend on them while they depend on the
 * report.
 */
public interface ReportAnswers {

    /**
     * {@code decided} with the answers of {@code campaign}, or when null of the newest campaign of {@code repository}
     * for {@code target}.
     */
    Decided apply(String repository, SpdxExpression target, Long campaign, Decided decided);
}
