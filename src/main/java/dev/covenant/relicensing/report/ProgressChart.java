package dev.covenant.relicensing.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the progress chart, for its SVG template ({@code consent/progress.svg}): one horizontal bar per
 * measure, each split into its four parts with widths in whole pixels that add up to the bar's width. The chart is
 * as wide as its longest text needs, so no label is ever cut off; on a page it shrinks to the column. Pure.
 *
 * @param from the license relicensed from, when known (a campaign's); null on the relicensing page
 * @param campaignId the campaign whose progress this is, or null for the relicensing report as it stands
 */
public record ProgressChart(String repository, String from, String to, Long campaignId, int width, int height,
        List<Row> rows, String largestOpen) {

    public static final int LABEL = 90;
    public static final int BAR = 420;
    public static final int ROW = 44;
    /** Room for one character of the chart's 13 px text, generous for wide letters. */
    public static final int CHAR = 8;
    /** Where the legend's last words end. */
    public static final int LEGEND = 560;
    private static final int MARGIN = 8;

    /** One part of a bar: where it starts, how wide, its class (colour) and what it counts. */
    public record Part(String kind, String label, long value, int x, int width) {
    }

    /** A measure's bar at height {@code y}: its total and cleared amount, and the bar's parts. */
    public record Row(String measure, long total, long cleared, int y, List<Part> parts) {

        public int barY() {
            return y + 4;
        }

        public int textY() {
            return y + 18;
        }

        /** The characters of "{cleared} of {total} cleared". */
        int labelChars() {
            return String.valueOf(cleared).length() + String.valueOf(total).length() + " of  cleared".length();
        }
    }

    /** {@code largestOpen}: who, without an answer yet, weighs most (null when nobody, or not asked). */
    public static ProgressChart of(String repository, String from, String to, Long campaignId,
            ReportProgress progress, String largestOpen) {
        List<Row> rows = new ArrayList<>();
        int y = 30;
        for (ReportProgress.Bar bar : progress.bars()) {
            rows.add(new Row(bar.measure(), bar.total(), bar.agreement() + bar.consented(), y, parts(bar)));
            y += ROW;
        }
        int width = LEGEND;
        for (Row row : rows) {
            width = Math.max(width, LABEL + BAR + 10 + row.labelChars() * CHAR);
        }
        String heading = repository + ": " + (from == null ? "" : from + " to ") + to;
        width = Math.max(width, heading.length() * CHAR);
        if (largestOpen != null) {
            width = Math.max(width, ("Largest without an answer: " + largestOpen).length() * CHAR);
        }
        return new ProgressChart(repository, from, to, campaignId, width + MARGIN, y + 40, rows, largestOpen);
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

    private static List<Part> parts(ReportProgress.Bar bar) {
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
