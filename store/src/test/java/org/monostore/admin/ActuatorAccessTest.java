package org.monostore.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The actuator tells anyone whether the store is up, and only admins anything more. */
@StoreTest
class ActuatorAccessTest {

  @LocalServerPort int port;

  @Test
  void probesAnswerTheirStatusToAnyoneAndNothingElse() {
    for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      given().port(port).get(path).then().statusCode(200)
          .body("status", equalTo("UP"))
          .body("$", not(hasKey("components")))
          .body("$", not(hasKey("details")));
    }
    assertThat(given().port(port).get("/actuator/health/diskSpace").statusCode()).isNotEqualTo(200);
    assertThat(given().port(port).get("/actuator/health/readiness").asString()).doesNotContain("path", "db");
  }

  @Test
  void anAdminSeesTheHealthComponentsAndTheirDetails() {
    JsonPath health = asAdmin(port).get("/actuator/health").then().statusCode(200).extract().jsonPath();

    assertThat(health.getMap("components")).containsKeys("db", "diskSpace", "cluster");
    assertThat(health.getString("components.diskSpace.details.path")).isNotBlank();
    asAdmin(port).get("/actuator/health/readiness").then().statusCode(200)
        .body("components.db.status", equalTo("UP"));
  }

  @Test
  void metricsAreForAdminsOnly() {
    for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator")) {
      given().port(port).get(path).then().statusCode(401).contentType("application/problem+json");
      given().port(port).auth().preemptive().basic(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD).get(path)
          .then().statusCode(403);
    }
    String scrape = asAdmin(port).accept("text/plain").get("/actuator/prometheus").then().statusCode(200)
        .extract().asString();
    assertThat(scrape).contains("http_server_requests_in_flight", "monostore_projections_behind_events");
  }
}
