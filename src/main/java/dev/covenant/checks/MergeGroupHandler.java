package dev.covenant.checks;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.github.Payloads;

/** {@code merge_group} checks_requested: report on the group's head sha. */
@ApplicationScoped
public class MergeGroupHandler extends GitHubFaults {

    private final MergeGroupCheck check;

    MergeGroupHandler(MergeGroupCheck check) {
        this.check = check;
    }

    @Override
    public Set<String> events() {
        return Set.of("merge_group");
    }

    @Override
    protected void act(String deliveryId, String event, String action, JsonNode payload) {
        JsonNode group = payload.path("merge_group");
        check.evaluate(new MergeGroupCheck.MergeGroup(Payloads.installationId(payload), Payloads.repository(payload),
                Payloads.sha(group, "base_sha"), Payloads.sha(group, "head_sha"), group.path("head_ref").asText(null)));
    }
}
