package dev.covenant.relicensing.campaign;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.relicensing.report.ContactEmails;
import dev.covenant.relicensing.report.ProgressChart;
import dev.covenant.relicensing.report.RelicensingReports;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.relicensing.report.ReportProgress;

/**
 * A campaign as its maintainers see it: the report for its target with its own answers, weighed. No transaction of
 * its own: the report may ask GitHub about organisation members, which is never done inside one.
 */
@ApplicationScoped
public class CampaignDetails {

    /** Heaviest first: commits, then lines added, then name, so the order is stable. */
    static final Comparator<CampaignViews.Weighted> BY_WEIGHT = Comparator
            .comparingLong(CampaignViews.Weighted::commits).reversed()
            .thenComparing(Comparator.comparingLong(CampaignViews.Weighted::linesAdded).reversed())
            .thenComparing(CampaignViews.Weighted::contributor);

    private final RelicensingReports reports;
    private final AgroalDataSource dataSource;

    CampaignDetails(RelicensingReports reports, AgroalDataSource dataSource) {
        this.reports = reports;
        this.dataSource = dataSource;
    }

    /**
     * The licenses the contributions still to be cleared for {@code to} were made under ({@link CampaignSource}),
     * with the answers of the campaigns for an equivalent target over the report; null when none.
     */
    String stillToClearUnder(String owner, String repo, String to) {
        return CampaignSource.of(reports.report(owner, repo, to, null, null));
    }

    /** The report for the campaign's target, with the campaign's answers over it. */
    public Report report(ConsentCampaign campaign) {
        return reports.report(campaign.owner(), campaign.repo(), campaign.toLicense, null, campaign.id);
    }

    public CampaignViews.Detail detail(ConsentCampaign campaign) {
        Report report = reports.charted(campaign.owner(), campaign.repo(), campaign.toLicense, campaign.id);
        Map<String, ConsentAnswer> answers = CampaignAnswers.counting(campaign);
        List<ContributorReport> asked = reports.named(report.repository(), report.contributors().stream()
                .filter(c -> !c.status().clearedWithoutAsking()).toList());
        Map<String, String> contacts = ContactEmails.of(asked,
                ContactEmails.linkedContacts(dataSource, report.repository()));
        List<CampaignViews.Weighted> weighted = asked.stream().map(c -> {
            String key = ConsentAnswer.keyOf(c);
            return new CampaignViews.Weighted(c.contributor(), c.githubId(), c.login(), c.status(), c.commits(),
                    c.linesAdded(), c.commitsCleared(), c.linesCleared(), contacts.get(key), c.reason(), c.grant(),
                    CampaignViews.AnswerView.of(ConsentAnswer.of(answers, c)), c.name());
        }).sorted(BY_WEIGHT).toList();
        return new CampaignViews.Detail(CampaignViews.Summary.of(campaign),
                ReportProgress.of(report.totals(), report.contributors()), weighted);
    }

    /** The chart of a campaign's progress, naming who weighs most among those not answered yet. */
    public ProgressChart chart(CampaignViews.Detail detail) {
        String largestOpen = detail.contributors().stream().filter(w -> w.answer() == null)
                .map(CampaignViews.Weighted::contributor).findFirst().orElse(null);
        CampaignViews.Summary c = detail.campaign();
        return ProgressChart.of(c.repository(), c.from(), c.to(), c.id(), detail.progress(), largestOpen);
    }
}
