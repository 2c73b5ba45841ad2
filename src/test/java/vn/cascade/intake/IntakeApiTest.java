package vn.cascade.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.TestDocuments;
import vn.cascade.directive.DirectiveDraft;
import vn.cascade.directive.DirectiveProcess;

/** The import over HTTP: the office sends a letter's text and gets the proposed draft; nothing starts. */
class IntakeApiTest extends CascadeIntegrationTest {

  @Autowired TestRestTemplate anonymous;
  @Autowired ObjectMapper json;

  private ResponseEntity<JsonNode> post(String user, String path, String text) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
    return anonymous.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
        new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
  }

  private long startedDirectives() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(DirectiveProcess.KEY).count();
  }

  @Test
  void theOfficeImportsTheSeedLettersAndTheDraftIsAcceptedAsItIs() throws Exception {
    long before = startedDirectives();

    ResponseEntity<JsonNode> directive = post("vp-ubnd", "/api/directives/import", SeedImportTest.seed());
    assertThat(directive.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = directive.getBody();
    assertThat(body.at("/draft/number").asText()).isEqualTo("8888/UBND-THNC");
    assertThat(body.at("/draft/issuedOn").asText()).isEqualTo("2020-07-30");
    assertThat(body.at("/draft/items")).hasSize(14);
    assertThat(body.at("/draft/items/1/bullets/2/coordinating/0").asText()).isEqualTo("ban-qlda");
    assertThat(body.at("/implementsConclusion/number").asText()).isEqualTo("1098-KL/TU");
    assertThat(body.at("/sources/number").asText()).isEqualTo("Số: 8888 /UBND-THNC");
    assertThat(body.get("problems")).isEmpty();
    assertThat(startedDirectives()).isEqualTo(before);

    ResponseEntity<JsonNode> conclusion = post("lanh-dao-ubnd", "/api/conclusions/import", SeedImportTest.seed());
    assertThat(conclusion.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(conclusion.getBody().at("/draft/number").asText()).isEqualTo("1098-KL/TU");
    assertThat(conclusion.getBody().at("/draft/items")).hasSize(9);

    // The proposed draft, under a new number and today's dates, is what POST /api/directives takes.
    LocalDate today = LocalDate.now(clock);
    DirectiveDraft draft = json.treeToValue(body.get("draft"), DirectiveDraft.class)
        .withMetadata(TestDocuments.uniqueNumber("UBND-THNC"), today, "V/v nhập từ văn bản", today.plusDays(16),
            today.plusDays(21))
        .withConclusionNumber(null);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> issued = anonymous.withBasicAuth("vp-ubnd", "demo").exchange("/api/directives",
        HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(draft), headers), JsonNode.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(startedDirectives()).isEqualTo(before + 1);
  }

  @Test
  void anAgencyMayNotImportAndEmptyOrNonLetterTextIsRefusedInVietnamese() {
    assertThat(post("so-yt", "/api/directives/import", SeedImportTest.DIRECTORY.province()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    for (String text : new String[] {"   \n ", "Xin chào, đây là một ghi chú."}) {
      for (String path : new String[] {"/api/directives/import", "/api/conclusions/import"}) {
        ResponseEntity<JsonNode> refused = post("vp-ubnd", path, text);
        assertThat(refused.getStatusCode()).as(path + " " + text).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("text");
      }
    }
  }
}
