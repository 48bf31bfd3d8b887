package dev.covenant.relicensing.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the progress chart, for its SVG template: one horizontal bar per measure, each split into its
 * four parts with widths in whole pixels that add up to the bar's width. Pure.
 */
public record ProgressChart(CampaignViews.Summary campaign, int width, int height, List<Row> rows, String largestOpen) {

    public static final int LABEL = 90;
    public static final int BAR = 420;
    public static final int ROW = 44;
    public static final int TOTALS = 130;

    /** One part of a bar: where it starts, how wide, its class (colour) and what it counts. */
    public record Part(String kind, String label, long value, int x, int width) {
    }

    /** A measure's bar at height {@code y}: the report's total and cleared amount, and the bar's parts. */
    public record Row(String measure, long total, long cleared, int y, List<Part> parts) {

        public int barY() {
            return y + 4;
        }

        public int textY() {
            return y + 18;
        }
    }

    /** {@code largestOpen}: who, without an answer yet, weighs most (null when nobody). */
    public static ProgressChart of(CampaignViews.Summary campaign, CampaignProgress progress, String largestOpen) {
        List<Row> rows = new ArrayList<>();
        int y = 30;
        var t = progress.totals();
        // The labels give the report's totals (a commit counts once, cleared when all its people are); the bars
        // split what is credited to each person, so a co-authored commit weighs for each of its authors there.
        long[][] labels = {{t.peopleCleared(), t.people()}, {t.commitsCleared(), t.commits()},
                {t.linesCleared(), t.linesAdded()}};
        for (int i = 0; i < progress.bars().size(); i++) {
            CampaignProgress.Bar bar = progress.bars().get(i);
            rows.add(new Row(bar.measure(), labels[i][1], labels[i][0], y, parts(bar)));
            y += ROW;
        }
        return new ProgressChart(campaign, LABEL + BAR + TOTALS, y + 40, rows, largestOpen);
    }

    public int totalsX() {
        return LABEL + BAR + 10;
    }

    public int legendY() {
        return height - 32;
    }

    public int legendTextY() {
        return height - 23;
    }

    public int noteY() {
        return height - 4;
    }

    private static List<Part> parts(CampaignProgress.Bar bar) {
        long[] values = {bar.agreement(), bar.consented(), bar.refused(), bar.open()};
        String[] kinds = {"agreement", "consented", "refused", "open"};
        String[] labels = {"cleared by agreement", "consented", "declined, conditional or unreachable",
                "no answer yet"};
        List<Part> parts = new ArrayList<>();
        long total = bar.total();
        long before = 0;
        int x = LABEL;
        for (int i = 0; i < values.length; i++) {
            before += values[i];
            // Each edge is placed by the running sum, so rounding never leaves a gap or overflows the bar.
            int end = LABEL + (total == 0 ? 0 : (int) Math.round((double) before * BAR / total));
            parts.add(new Part(kinds[i], labels[i], values[i], x, end - x));
            x = end;
        }
        return parts;
    }
}
