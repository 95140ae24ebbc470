package org.promisedesk.incident;

import java.time.ZoneId;

/**
 * The submitted draft as Markdown for the lead's review form ({@code draftPreview}): a Camunda
 * Forms text view shows a variable's text, but cannot loop over the draft's lists itself.
 */
final class DraftPreview {

    static String of(ReportDrafts.Draft draft, ZoneId zone) {
        StringBuilder md = new StringBuilder("**Timeline**\n\n");
        draft.timeline().forEach(entry -> md.append("- ").append(Times.format(entry.at(), zone)).append(": ")
                .append(oneLine(entry.text())).append('\n'));
        md.append("\n**Impact**\n\n").append(draft.impact())
                .append("\n\n**Root cause**\n\n").append(draft.rootCause())
                .append("\n\n**Resolution**\n\n").append(draft.resolution())
                .append("\n\n**Corrective and preventive actions**\n\n");
        draft.actions().forEach(action -> md.append("- ").append(oneLine(action.text())).append(" (")
                .append(action.kind()).append(", ").append(action.owner()).append(", due ")
                .append(Times.format(action.dueAt(), zone)).append(")\n"));
        return md.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private DraftPreview() {
    }
}
