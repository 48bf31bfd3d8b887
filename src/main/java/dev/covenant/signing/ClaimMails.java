package dev.covenant.signing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The mail that carries a claim's code (plain text). */
@CheckedTemplate(basePath = "signing")
class ClaimMails {

    static native TemplateInstance claimCode(String email, String login, String code, long minutes, String url);
}
