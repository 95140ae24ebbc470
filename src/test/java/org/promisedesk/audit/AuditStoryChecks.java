package org.promisedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * What every request's audit page must be, whatever its processes (issue 21, item 1): no element id
 * of any of its models, no Java map dump, no raw date, every time in the one named zone, and the
 * text of every e-mail we sent about it. The process tests of each kind of request call it.
 */
public final class AuditStoryChecks {

    private AuditStoryChecks() {
    }

    /** The page as an auditor reads it (HTML entities resolved), checked; returned for more checks. */
    public static String assertReadsAsAStory(String requestKey, TestRestTemplate rest, RepositoryService repository,
            HistoryService history, JdbcClient jdbc) {
        String page = HtmlUtils.htmlUnescape(rest.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/audit/requests/" + requestKey + "/report", String.class).getBody());
        List<String> ids = new ArrayList<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestKey).list().forEach(instance ->
                repository.getBpmnModelInstance(instance.getProcessDefinitionId())
                        .getModelElementsByType(FlowElement.class).forEach(element -> ids.add(element.getId())));
        assertThat(ids).as("the request's models").isNotEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(page).as("element id " + id).doesNotContain(id));
        assertThat(page).as("no Java map dumps").doesNotContainPattern("\\{[A-Za-z]+=")
                .doesNotContainPattern("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} [A-Z]{3,4} \\d{4}")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                .contains("Every time is in China Standard Time (Asia/Shanghai, UTC+8).");
        String flat = page.replaceAll("\\s+", " ");
        List<String> sent = jdbc.sql("SELECT body_text FROM customer_message WHERE request_key = ? ORDER BY id")
                .param(requestKey).query(String.class).list();
        sent.forEach(text -> assertThat(flat).as("as sent").contains(text.replaceAll("\\s+", " ").trim()));
        return flat;
    }
}
