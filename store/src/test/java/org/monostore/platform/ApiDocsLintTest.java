package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served OpenAPI document passes Redocly's recommended rules with no error, so that a client
 * generator can trust it. Redocly CLI is a development dependency of the admin UI, installed by its
 * npm install from the lockfile; the warnings it may give are printed, not failed on.
 */
@StoreTest
class ApiDocsLintTest {

  private static final Path REDOCLY = Path.of("../admin/node_modules/@redocly/cli/bin/cli.js");

  @LocalServerPort int port;

  @Test
  void theServedDocumentHasNoErrorUnderRedoclysRecommendedRules() throws Exception {
    assertThat(REDOCLY).as("Redocly CLI, installed by the admin module's npm install").exists();
    Path document = Path.of("target/api-docs.json").toAbsolutePath();
    Files.writeString(document, given().port(port).get("/v3/api-docs").then().statusCode(200).extract().asString());

    JsonPath report = JsonPath.from(lint(document));
    List<Map<String, Object>> problems = report.getList("problems");
    problems.forEach(problem -> System.out.println("Redocly " + describe(problem)));
    assertThat(problems).filteredOn(problem -> "error".equals(problem.get("severity")))
        .extracting(ApiDocsLintTest::describe)
        .isEmpty();
    assertThat(report.getInt("totals.errors")).isZero();
  }

  private static String describe(Map<String, Object> problem) {
    return problem.get("severity") + " " + problem.get("ruleId") + ": " + problem.get("message") + " at "
        + problem.get("location");
  }

  /** Redocly's JSON report of the document; the child process ends here whatever happens. */
  private static String lint(Path document) throws IOException, InterruptedException {
    Path output = Files.createTempFile(document.getParent(), "redocly", ".json");
    ProcessBuilder command = new ProcessBuilder(
        "node", REDOCLY.toString(), "lint", "--extends", "recommended", "--format", "json",
        "--max-problems", "1000", document.toString())
        .redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    // No telemetry and no update check: the build needs no network beyond npm install.
    command.environment().put("REDOCLY_TELEMETRY", "off");
    command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Process redocly = command.start();
    try {
      assertThat(redocly.waitFor(120, TimeUnit.SECONDS)).as("Redocly finished within two minutes").isTrue();
      return Files.readString(output, StandardCharsets.UTF_8);
    } finally {
      ProcessHandle.of(redocly.pid()).ifPresent(ProcessHandle::destroyForcibly);
      Files.deleteIfExists(output);
    }
  }
}
