package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before any route answers them, by Tomcat, Spring Security's firewall or Spring MVC,
 * written as raw bytes on a socket (an HTTP client would normalise or refuse them): each answer is an
 * RFC 9457 problem whose status is the status line's, and none changes anything.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "monostore.embedded-database.directory=target/test-databases/${random.uuid}",
      "pekko.remote.artery.canonical.port=0",
      // How long Tomcat waits for a body that was announced: short, so the 408 comes quickly.
      "server.tomcat.connection-timeout=2s"
    })
class RawRequestProblemsTest {

  /** Path segments Tomcat will not decode: a control character, a slash, a backslash, bytes that are not UTF-8. */
  private static final List<String> UNDECODABLE_SEGMENTS = List.of("x%00", "x%2Fy", "x%5Cy", "x%FF", "x%C0%AF");

  @LocalServerPort int port;
  @Autowired JdbcTemplate database;

  @Test
  void everyOperationThatTakesAnIdAnswersAnUndecodableIdWithAProblem() throws IOException {
    List<String> operations = operationsWithPathParameters();
    assertThat(operations).as("operations with an id in their path").hasSizeGreaterThan(20);
    long events = journalEvents();

    for (String operation : operations) {
      String method = operation.substring(0, operation.indexOf(' '));
      String template = operation.substring(operation.indexOf(' ') + 1);
      for (String segment : UNDECODABLE_SEGMENTS) {
        String path = template.replaceAll("\\{[^}]+}", segment);
        Answer answer = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 400, method + " " + path);
        assertThat(answer.json().path("instance").asString()).as(method + " " + path).isEqualTo(path);
      }
    }
    assertThat(journalEvents()).as("events written").isEqualTo(events);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedRequests")
  void aRequestRefusedBeforeAnyRouteIsAProblem(String what, String request, int status) throws IOException {
    long events = journalEvents();

    assertProblem(send(request), status, what);

    assertThat(journalEvents()).as("events written").isEqualTo(events);
  }

  static Stream<Arguments> refusedRequests() {
    String sku = "BOOK-000001";
    return Stream.of(
        refused("firewall: an empty path segment", get("/api/admin/carts//x"), 400),
        refused("firewall: a path parameter", get("/api/admin/carts/x;y"), 400),
        refused("firewall: a dot-dot segment", get("/api/admin/carts/x/../y"), 400),
        refused("firewall: an encoded dot-dot segment", get("/api/admin/carts/x/%2e%2e/y"), 400),
        refused("an encoded backslash on an admin path", get("/api/admin/carts/%5C"), 400),
        refused("an encoded percent on an admin path, not signed in", get("/api/admin/carts/%25"), 401),
        refused("a path parameter in a cart id", get("/api/carts/x;y"), 400),
        refused("an encoded percent in a cart id", get("/api/carts/%25"), 400),
        refused("an empty path segment", get("/api/carts//x"), 404),
        refused("an unknown path", get("/api/nothing-here"), 404),
        refused("the error page", get("/error"), 404),
        refused("a wrong method", "PUT /api/carts HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405),
        refused("TRACE", "TRACE /api/products/" + sku + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 405),
        refused("an unacceptable Accept", "GET /api/products/" + sku + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\n"
            + "Connection: close\r\n\r\n", 406),
        refused("a body that is not JSON", post("/api/carts", "text/plain", "hi"), 415),
        refused("malformed JSON", post("/api/carts", "application/json", "{market"), 400),
        refused("a declared body over the limit", "POST /api/carts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\nConnection: close\r\n\r\n", 413),
        refused("a broken chunked body", "POST /api/carts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
        refused("an unknown transfer coding", "POST /api/carts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n", 501),
        refused("an expectation other than 100-continue", "POST /api/carts HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nExpect: a-miracle\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 417),
        refused("a broken percent-encoding in the query", get("/api/products?q=%ZZ"), 400),
        refused("a query that is not UTF-8", get("/api/products?q=%FF"), 400),
        refused("headers over the limit", "GET /api/products/" + sku + " HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
            + "a".repeat(9000) + "\r\nConnection: close\r\n\r\n", 400),
        refused("a request line over the limit", get("/api/products/" + "A".repeat(9000)), 400),
        refused("a header without a colon", "GET /api/products/" + sku + " HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n"
            + "Connection: close\r\n\r\n", 400),
        refused("no Host header", "GET /api/products/" + sku + " HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
        refused("a request line that is not HTTP", "HELLO\r\n\r\n", 400),
        refused("an unknown HTTP version", "GET /api/products/" + sku + " HTTP/9.9\r\nHost: localhost\r\n\r\n", 505));
  }

  @Test
  void aBodyThatNeverArrivesIsARequestTimeoutProblemAndCreatesNoCart() throws IOException {
    long carts = cartsCreated();

    Answer answer = send("POST /api/carts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\n\r\n{\"market\":");

    assertProblem(answer, 408, "a cart whose body stops short");
    assertThat(cartsCreated()).as("carts created").isEqualTo(carts);
  }

  @Test
  void aLineThatNeverArrivesIsARequestTimeoutProblemAndChangesNoCart() throws IOException {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    long events = eventsOf("Cart|" + cart);

    Answer answer = send("POST /api/carts/" + cart + "/items HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n");

    assertProblem(answer, 408, "a line whose body never comes");
    assertThat(eventsOf("Cart|" + cart)).as("events of the cart").isEqualTo(events);
    given().port(port).get("/api/carts/" + cart).then().statusCode(200)
        .body("lines", empty());
  }

  private static void assertProblem(Answer answer, int status, String what) {
    assertThat(answer.status()).as("status of %s: %s", what, answer).isEqualTo(status);
    assertThat(answer.contentType()).as("content type of %s: %s", what, answer).isNotNull();
    assertThat(MediaType.parseMediaType(answer.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
        .as("content type of %s: %s", what, answer).isTrue();
    JsonNode problem = answer.json();
    assertThat(problem.path("status").asInt()).as("problem status of %s", what).isEqualTo(status);
    assertThat(problem.path("title").asString()).as("title of %s", what).isNotBlank();
    assertThat(problem.path("detail").asString()).as("detail of %s", what).isNotBlank()
        .doesNotContain("Exception").doesNotContain("org.apache");
    if (problem.has("type")) {
      assertThat(problem.path("type").asString()).as("type of %s", what).isEqualTo("about:blank");
    }
  }

  private List<String> operationsWithPathParameters() {
    Map<String, Map<String, Object>> paths = given().port(port).get("/v3/api-docs").then().statusCode(200)
        .extract().jsonPath().getMap("paths");
    List<String> operations = new ArrayList<>();
    paths.forEach((path, methods) -> {
      if (path.contains("{")) {
        methods.keySet().stream()
            .filter(method -> List.of("get", "put", "post", "delete", "patch").contains(method))
            .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path));
      }
    });
    return operations;
  }

  private long journalEvents() {
    return database.queryForObject("SELECT count(*) FROM event_journal", Long.class);
  }

  /**
   * These tests wait seconds for a timeout, long enough for other tests' orders to move on by
   * themselves (a pending payment settled): so they count what the request could have written.
   */
  private long cartsCreated() {
    return database.queryForObject(
        "SELECT count(*) FROM event_journal WHERE persistence_id LIKE 'Cart|%' AND sequence_number = 1", Long.class);
  }

  private long eventsOf(String persistenceId) {
    return database.queryForObject("SELECT count(*) FROM event_journal WHERE persistence_id = ?", Long.class,
        persistenceId);
  }

  private static Arguments refused(String what, String request, int status) {
    return Arguments.of(what, request, status);
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  }

  private static String post(String target, String contentType, String body) {
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
  }

  /** Writes the bytes as they are and reads until the store closes the connection. */
  private Answer send(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return Answer.parse(readUntilClosed(socket.getInputStream()));
    }
  }

  /**
   * A store that refuses a request early may close while unread bytes of it are still on the way, and
   * the reset that follows can end the read after the answer has arrived: what came before it counts.
   */
  private static byte[] readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      if (received.size() == 0) {
        throw reset;
      }
    }
    return received.toByteArray();
  }

  private record Answer(int status, String contentType, String body) {

    static Answer parse(byte[] bytes) {
      // One character per byte, so chunk sizes count the right thing; the body is UTF-8.
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as("a complete answer: %s", text).isPositive();
      String[] head = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(head[0].split(" ")[1]);
      String contentType = null;
      boolean chunked = false;
      for (String header : head) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          contentType = header.substring("content-type:".length()).strip();
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      String body = text.substring(end + 4);
      body = chunked ? dechunk(body) : body;
      return new Answer(status, contentType, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
        if (size == 0) {
          return body.toString();
        }
        body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
    }

    JsonNode json() {
      return JsonMapper.shared().readTree(body);
    }
  }
}
