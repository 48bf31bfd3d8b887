package dev.covenant.relicensing.campaign;

import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.relicensing.report.ProgressChart;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout.Visitor;

/** The campaign pages and the progress chart; Qute escapes every value (the SVG too, see application.properties). */
@CheckedTemplate(basePath = "consent")
public class CampaignPages {

    /** A contributor's own page: the change, their commits, their answer and the form. */
    static native TemplateInstance consent(Visitor visitor, CampaignViews.Summary campaign,
            PersonCommits.Summary commits,
            Consent answer, FormProblems form, Map<String, String> values);

    /**
     * What a signed-out visitor of {@code /consent/{id}} sees, whatever the id: a way to sign in, and nothing of the
     * campaign, so that the page does not tell whether it exists or which repository it concerns.
     */
    static native TemplateInstance signIn(Visitor visitor, String id);

    /** The maintainers' dashboard. */
    static native TemplateInstance dashboard(Visitor visitor, CampaignViews.Detail detail, ProgressChart chart,
            FormProblems form, Map<String, String> values);

    /** What closing a campaign does, and the form that does it. */
    static native TemplateInstance close(Visitor visitor, CampaignViews.Detail detail);

    /** The chart alone, as an SVG document. */
    public static native TemplateInstance progress(ProgressChart chart);
}
