package dev.covenant.relicensing.campaign;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.covenant.api.Page;
import dev.covenant.api.Paging;
import dev.covenant.relicensing.report.RelicensingStatus;
import dev.covenant.relicensing.report.ReportModel.GrantView;
import dev.covenant.relicensing.report.ReportProgress;

/** What the campaign API and pages show. */
public final class CampaignViews {

    private CampaignViews() {
    }

    /** A campaign, without its contributors. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(long id, String repository, String from, String to, ConsentCampaign.State state,
            String openedBy, Instant openedAt, String closedBy, Instant closedAt, String evidenceSha256) {

        public static Summary of(ConsentCampaign c) {
            return new Summary(c.id, c.repository, c.fromLicense, c.toLicense, c.state, c.openedBy, c.openedAt,
                    c.closedBy, c.closedAt, c.evidenceSha256);
        }

        public boolean open() {
            return state == ConsentCampaign.State.OPEN;
        }
    }

    /** A contributor's latest answer, as maintainers see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(long campaign, Answer answer, String note, String evidenceUrl,
            Consent.RecordedAs recordedAs,
            String recordedBy, Instant recordedAt, long ledgerSeq, String ledgerHash) {

        static AnswerView of(ConsentAnswer a) {
            return a == null
                    ? null
                    : new AnswerView(a.campaignId(), a.answer(), a.note(), a.evidenceUrl(), a.recordedAs(),
                            a.recordedBy(), a.recordedAt(), a.ledgerSeq(), a.ledgerHash());
        }
    }

    /** Someone whose consent is needed, with their weight and how to reach them (personal data: maintainers only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Weighted(String contributor, Long githubId, String login, RelicensingStatus status, long commits,
            long linesAdded, long commitsCleared, long linesCleared, String contactEmail, String reason,
            GrantView grant, AnswerView answer, String name) {
    }

    /** A campaign with its progress and everyone not already cleared by an agreement, heaviest first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(Summary campaign, ReportProgress progress, List<Weighted> contributors, Page page) {

        public Detail(Summary campaign, ReportProgress progress, List<Weighted> contributors) {
            this(campaign, progress, contributors, null);
        }

        /** The page of the contributors {@code paging} asks for; {@code link} gives the address of another page. */
        public Detail page(Paging paging, IntFunction<String> link) {
            return new Detail(campaign, progress, paging.slice(contributors), paging.page(contributors.size(), link));
        }

        /** Whether this is a page that leaves some of the contributors out. */
        public boolean truncated() {
            return page != null && page.total() > contributors.size();
        }
    }
}
