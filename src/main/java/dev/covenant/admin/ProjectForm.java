package dev.covenant.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.covenant.project.AcceptancePolicy;
import dev.covenant.project.ProjectRequests;

/**
 * The link form read into the API's {@link ProjectRequests.NewProject}: {@code owner} or {@code owner/repo} in one
 * field, the allowlist one pattern a line, and up to {@value #LICENSE_ROWS} rows of license history, blank rows
 * left out. The validator's field names are put back beside the form's fields.
 */
final class ProjectForm {

    static final int LICENSE_ROWS = 3;
    private static final Pattern LICENSE = Pattern.compile("licenses\\[(\\d+)]\\.(from|spdx)");

    /** The request, and for each of its license entries the form row it came from. */
    record Read(ProjectRequests.NewProject request, List<Integer> rows, AdminForm form) {
    }

    private ProjectForm() {
    }

    static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("scope", "Organisation or repository");
        labels.put("agreement", "Agreement");
        labels.put("corporateAgreement", "Corporate agreement");
        labels.put("accepts", "Accepted versions");
        labels.put("acceptsSince", "Accepted since");
        labels.put("allowlist", "Allowlist");
        for (int i = 0; i < LICENSE_ROWS; i++) {
            labels.put("licenseFrom" + i, "License history, row " + (i + 1) + ", from");
            labels.put("licenseSpdx" + i, "License history, row " + (i + 1) + ", license");
        }
        return labels;
    }

    static AdminForm empty() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("agreement", "individual");
        values.put("accepts", AcceptancePolicy.LATEST_MAJOR.name());
        values.put("allowlist", "*[bot]");
        return AdminForm.of(values, labels());
    }

    static Read read(Map<String, String> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        labels().keySet().forEach(k -> values.put(k, submitted.getOrDefault(k, "").strip()));
        values.put("checkCommitters", "yes".equals(submitted.get("checkCommitters")) ? "yes" : "");
        AdminForm form = AdminForm.of(values, labels());
        String[] scope = values.get("scope").split("/", 2);
        List<ProjectRequests.NewLicense> licenses = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < LICENSE_ROWS; i++) {
            String from = values.get("licenseFrom" + i);
            String spdx = values.get("licenseSpdx" + i);
            if (!from.isEmpty() || !spdx.isEmpty()) {
                licenses.add(new ProjectRequests.NewLicense(from, spdx));
                rows.add(i);
            }
        }
        AcceptancePolicy accepts = AcceptancePolicy.SINCE.name().equals(values.get("accepts"))
                ? AcceptancePolicy.SINCE
                : AcceptancePolicy.LATEST_MAJOR;
        String since = values.get("acceptsSince");
        List<String> allowlist = values.get("allowlist").isEmpty()
                ? null
                : Arrays.stream(values.get("allowlist").split("\\s*\\R\\s*")).filter(s -> !s.isBlank()).toList();
        var request = new ProjectRequests.NewProject(scope[0], scope.length > 1 ? scope[1] : "",
                values.get("agreement"), values.get("corporateAgreement"), accepts,
                accepts == AcceptancePolicy.SINCE || !since.isEmpty() ? since : null, allowlist, licenses,
                "yes".equals(values.get("checkCommitters")));
        return new Read(request, rows, form);
    }

    /** The form field a validator's field name belongs to. */
    static String fieldOf(String name, List<Integer> rows) {
        Matcher license = LICENSE.matcher(name);
        if (license.lookingAt()) {
            int row = rows.get(Integer.parseInt(license.group(1)));
            return (license.group(2).equals("from") ? "licenseFrom" : "licenseSpdx") + row;
        }
        if (name.equals("owner") || name.equals("repo")) {
            return "scope";
        }
        return name.startsWith("allowlist") ? "allowlist" : name;
    }
}
