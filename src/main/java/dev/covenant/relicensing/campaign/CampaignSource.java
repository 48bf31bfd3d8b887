package dev.covenant.relicensing.campaign;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Period;
import dev.covenant.relicensing.report.ReportModel.Report;

/**
 * What a campaign changes from, when its maintainer does not say: the licenses that the contributions still to be
 * cleared were made under, by the project's license history on their dates, in the order of the report (heaviest
 * contributors first). Several are listed separated by {@code "; "}; none when nothing is left to clear or the
 * history does not go back to those contributions. Pure.
 */
final class CampaignSource {

    static final String SEPARATOR = "; ";

    private CampaignSource() {
    }

    static String of(Report report) {
        Set<String> licenses = new LinkedHashSet<>();
        for (ContributorReport contributor : report.contributors()) {
            if (contributor.status().cleared()) {
                continue;
            }
            for (Period period : contributor.periods()) {
                if (!period.status().cleared() && period.license() != null) {
                    licenses.add(period.license());
                }
            }
        }
        return licenses.isEmpty() ? null : String.join(SEPARATOR, licenses);
    }
}
