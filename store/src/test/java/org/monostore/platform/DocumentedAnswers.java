package org.monostore.platform;

import static io.restassured.RestAssured.given;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A REST-assured filter that checks every answer against the store's own OpenAPI document: the
 * operation and its status must be documented, the content type must be one the document names for
 * that status, and the body must match its schema (JSON Schema 2020-12 in OpenAPI 3.1's dialect). The
 * document closes the store's answer schemas, so a field it does not name fails as well as a null it
 * does not allow. Every mismatch is kept, so that a test can report all of them at once.
 */
final class DocumentedAnswers implements OrderedFilter {

  /** Where the validator finds the document; an address of its own, never fetched. */
  private static final String DOCUMENT = "https://monostore.invalid/v3/api-docs";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final JsonNode document;
  private final SchemaRegistry schemas;
  /** Each documented path with the pattern its template matches, paths with fewer variables first. */
  private final List<Map.Entry<String, Pattern>> paths;
  private final List<String> mismatches = new ArrayList<>();
  private int checked;

  private DocumentedAnswers(String document) {
    this.document = JSON.readTree(document);
    this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
        registry -> registry.schemas(Map.of(DOCUMENT, document)));
    this.paths = this.document.path("paths").propertyNames().stream()
        .sorted(Comparator.comparingInt((String path) -> path.split("\\{").length).thenComparing(path -> path))
        .map(path -> Map.entry(path, Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+"))))
        .toList();
  }

  /** The document the store on this port serves now. */
  static DocumentedAnswers of(int port) {
    return new DocumentedAnswers(given().port(port).get("/v3/api-docs").then().statusCode(200).extract().asString());
  }

  @Override
  public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
      FilterContext next) {
    Response response = next.next(request, expected);
    String call = request.getMethod() + " " + URI.create(request.getURI()).getRawPath();
    List<String> found = check(request.getMethod(), URI.create(request.getURI()).getRawPath(),
        response.getStatusCode(), response.getContentType(), response.asString());
    checked++;
    found.forEach(mismatch -> mismatches.add(call + " answered " + response.getStatusCode() + ": " + mismatch
        + "\n    " + response.asString()));
    return response;
  }

  @Override
  public int getOrder() {
    // After every other filter, next to the wire: what is checked is what the store sent.
    return Integer.MAX_VALUE;
  }

  /** Every mismatch found so far, one a line with the call, the answer and what is wrong with it. */
  List<String> mismatches() {
    return List.copyOf(mismatches);
  }

  /** How many answers have been checked. */
  int checked() {
    return checked;
  }

  /** What is wrong with this answer to the call, by the document; nothing if it matches. */
  List<String> check(String method, String path, int status, String contentType, String body) {
    String template = paths.stream().filter(entry -> entry.getValue().matcher(path).matches())
        .map(Map.Entry::getKey).findFirst().orElse(null);
    if (template == null) {
      return List.of("the document has no such path");
    }
    JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
    if (operation.isMissingNode()) {
      return List.of("the document has no " + method + " on " + template);
    }
    JsonNode answer = operation.path("responses").path(String.valueOf(status));
    if (answer.isMissingNode()) {
      return List.of("the document names no " + status + " for " + method + " " + template);
    }
    if (body.isEmpty()) {
      return answer.path("content").isEmpty() ? List.of() : List.of("no body, where the document names one");
    }
    String mediaType = contentType.split(";")[0].trim();
    JsonNode schema = answer.path("content").path(mediaType).path("schema");
    if (schema.isMissingNode()) {
      return List.of("content type " + mediaType + ", where the document names "
          + answer.path("content").propertyNames());
    }
    List<Error> errors = schemas.getSchema(absoluteReferences(schema.deepCopy())).validate(body, InputFormat.JSON);
    return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
  }

  /** The schema with its references into the document made absolute, so that they resolve outside it. */
  private static JsonNode absoluteReferences(JsonNode schema) {
    if (schema instanceof ObjectNode object && object.path("$ref").asString("").startsWith("#")) {
      object.put("$ref", DOCUMENT + object.get("$ref").asString());
    }
    schema.values().forEach(DocumentedAnswers::absoluteReferences);
    return schema;
  }
}
