package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the store serves is the committed contract admin/openapi.json, which the admin
 * UI's TypeScript types are generated from when it builds: a change to an answer's shape in Java
 * fails here until the contract, and with it the admin's types, follow.
 */
@StoreTest
class OpenApiContractTest {

  static final Path CONTRACT = Path.of("..", "admin", "openapi.json");
  static final Path SERVED = Path.of("target", "openapi.json");

  @LocalServerPort int port;

  @Test
  void theServedDocumentIsTheAdminsContract() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode served = json.readTree(given().port(port).get("/v3/api-docs").then().statusCode(200).extract().asString());
    Files.writeString(SERVED, json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
    assertThat(json.readTree(Files.readString(CONTRACT)).equals(served))
        .as("The served OpenAPI document differs from the contract %s. If the change is meant, "
            + "cp store/%s admin/openapi.json and check that the admin UI still builds (npm run typecheck)",
            "admin/openapi.json", SERVED)
        .isTrue();
  }
}
