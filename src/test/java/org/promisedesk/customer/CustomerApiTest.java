package org.promisedesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.promisedesk.platform.EngineTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

@EngineTest
class CustomerApiTest {

    @Autowired
    TestRestTemplate anonymous;

    @Test
    void searchesCustomersByQ() {
        JsonNode page = ok("/api/customers?q=NORTHWIND");

        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(1);
        assertThat(item.get("name").asText()).isEqualTo("Northwind Traders Ltd");
        assertThat(item.get("kind").asText()).isEqualTo("ENTERPRISE");
        assertThat(item.get("email").asText()).isEqualTo("it@northwind.example");
        assertThat(item.get("serviceProfile").asText()).isEqualTo("DEPENDENT");
        assertThat(item.get("preferredLanguage").asText()).isEqualTo("en");
        assertThat(item.get("accountManager").asText()).isEqualTo("sales");
    }

    @Test
    void pagesCustomers() {
        JsonNode first = ok("/api/customers");
        JsonNode last = ok("/api/customers?page=2&size=10");

        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(20);
        assertThat(first.get("total").asLong()).isEqualTo(22);
        assertThat(first.get("items")).hasSize(20);
        assertThat(last.get("total").asLong()).isEqualTo(22);
        assertThat(last.get("items")).hasSize(2);
        assertThat(last.get("items").get(0).get("id").asLong()).isEqualTo(21);
    }

    @Test
    void showsOneCustomerWithServices() {
        JsonNode customer = ok("/api/customers/2");

        assertThat(customer.get("id").asLong()).isEqualTo(2);
        assertThat(customer.get("serviceProfile").asText()).isEqualTo("VIP");
        assertThat(customer.get("services")).hasSize(5)
                .allSatisfy(s -> assertThat(s.get("customerId").asLong()).isEqualTo(2));
        assertThat(customer.get("services").get(0).get("expiryDate").asText())
                .isEqualTo(LocalDate.now().plusDays(7).toString());
    }

    @Test
    void listsServicesExpiringBeforeADateInExpiryOrder() {
        LocalDate in10Days = LocalDate.now().plusDays(10);

        JsonNode page = ok("/api/services?expiringBefore=" + in10Days + "&size=100");

        assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size()).isPositive();
        LocalDate previous = LocalDate.MIN;
        for (JsonNode service : page.get("items")) {
            LocalDate expiry = LocalDate.parse(service.get("expiryDate").asText());
            assertThat(expiry).isBefore(in10Days).isAfterOrEqualTo(previous);
            previous = expiry;
        }
        JsonNode first = page.get("items").get(0);
        assertThat(first.fieldNames()).toIterable()
                .contains("id", "customerId", "type", "plan", "state", "expiryDate");
    }

    @Test
    void listsServicesOfACustomer() {
        JsonNode page = ok("/api/services?customerId=1&size=2");

        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("ipAddress").asText()).isEqualTo("203.0.113.10");
        assertThat(page.get("items").get(0).get("serverName").asText()).isEqualTo("hk-dc2-r04-u12");
    }

    @Test
    void unknownCustomerIsNotFound() {
        ResponseEntity<JsonNode> response = agent().getForEntity("/api/customers/424242", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(response);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().get("detail").asText()).contains("424242");
    }

    @Test
    void badParametersAreProblemDetailsNamingTheParameter() {
        assertBadParameter("/api/customers?size=0", "size");
        assertBadParameter("/api/customers?size=101", "size");
        assertBadParameter("/api/customers?page=-1", "page");
        assertBadParameter("/api/customers?page=first", "page");
        assertBadParameter("/api/customers/abc", "id");
        assertBadParameter("/api/customers?q=" + "x".repeat(101), "q");
        assertBadParameter("/api/services?customerId=abc", "customerId");
        assertBadParameter("/api/services?expiringBefore=2026-13-45", "expiringBefore");
        assertBadParameter("/api/services?expiringBefore=tomorrow", "expiringBefore");
        assertBadParameter("/api/services?state=LOST", "state");
        assertBadParameter("/api/services?size=1000", "size");
    }

    @Test
    void anonymousIsUnauthorized() {
        ResponseEntity<JsonNode> response = anonymous.getForEntity("/api/customers", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(response);
    }

    private void assertBadParameter(String url, String parameter) {
        ResponseEntity<JsonNode> response = agent().getForEntity(url, JsonNode.class);

        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(response);
        assertThat(response.getBody().get("parameter").asText()).as(url).isEqualTo(parameter);
        assertThat(response.getBody().get("detail").asText()).as(url).contains("'" + parameter + "'");
    }

    private static void assertProblem(ResponseEntity<JsonNode> response) {
        assertThat(response.getHeaders().getContentType())
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    }

    private JsonNode ok(String url) {
        ResponseEntity<JsonNode> response = agent().getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private TestRestTemplate agent() {
        return anonymous.withBasicAuth("agent", "agent");
    }
}
