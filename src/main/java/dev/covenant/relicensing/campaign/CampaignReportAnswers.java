package dev.covenant.relicensing.campaign;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.relicensing.report.ReportAnswers;
import dev.covenant.relicensing.report.ReportModel.Decided;

/** The campaigns' answers for the relicensing report: {@link CampaignAnswers#forReport} through {@link ConsentOverlay}. */
@ApplicationScoped
public class CampaignReportAnswers implements ReportAnswers {

    @Override
    public Decided apply(String repository, SpdxExpression target, Long campaign, Decided decided) {
        return ConsentOverlay.apply(decided, CampaignAnswers.forReport(repository, target, campaign));
    }
}
