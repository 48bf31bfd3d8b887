package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The campaign chart counts each commit, line and person once: the fixture's history has 20 commits of 10 lines, one
 * of them co-authored, which the chart once drew as 21 commits (the co-authored one for each of its people) beside a
 * label that said 20.
 */
@QuarkusTest
class ChartCountsTest {

    private static final Pattern BAR = Pattern.compile("<g class=\"bar\" data-measure=\"(\\w+)\">(.*?)</g>",
            Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("data-value=\"(\\d+)\"");
    private static final Pattern LABEL = Pattern.compile(">(\\d+) of (\\d+) cleared<");

    @Test
    void aCoAuthoredCommitIsOneCommitInTheChartAndEveryBarAddsUpToTheReport() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long id = admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        // The co-authored commit's two people both say yes; the others have not answered.
        for (String who : List.of(f.yes, f.nobody)) {
            admin().body(Map.of("contributor", who, "answer", "YES", "note", "by mail"))
                    .post(f.path() + "/" + id + "/answers").then().statusCode(201);
        }
        JsonPath totals = admin().get(f.path() + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(20, totals.getLong("progress.totals.commits"));
        assertEquals(8, totals.getLong("progress.totals.commitsCleared"), "granted 1, yes 6, nobody's own 1");

        String svg = admin().get(f.path() + "/" + id + "/progress.svg").then().statusCode(200).extract().asString();
        Map<String, long[]> expected = Map.of("people", new long[] {3, 6, 1, 2, 0, 3}, "commits",
                new long[] {8, 20, 1, 7, 0, 12}, "lines", new long[] {80, 200, 10, 70, 0, 120});
        Matcher bars = BAR.matcher(svg);
        List<String> seen = new ArrayList<>();
        while (bars.find()) {
            String measure = bars.group(1);
            seen.add(measure);
            long[] want = expected.get(measure);
            Matcher label = LABEL.matcher(bars.group(2));
            label.find();
            assertEquals(want[0] + " of " + want[1], label.group(1) + " of " + label.group(2), measure + "'s label");
            List<Long> values = new ArrayList<>();
            Matcher value = VALUE.matcher(bars.group(2));
            while (value.find()) {
                values.add(Long.parseLong(value.group(1)));
            }
            assertEquals(want[1], values.stream().mapToLong(Long::longValue).sum(),
                    measure + ": the parts add up to the total, each counted once: " + values);
            List<Long> parts = new ArrayList<>();
            for (int i = 2; i < 6; i++) {
                if (want[i] > 0) {
                    parts.add(want[i]);
                }
            }
            assertEquals(parts, values, measure + ": agreement, consented, refused, open (those above zero)");
        }
        assertEquals(List.of("people", "commits", "lines"), seen);
    }
}
