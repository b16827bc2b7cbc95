package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every answer carries the browser's security headers, once each, whoever serves it. */
@StoreTest
class SecurityHeadersTest {

  @LocalServerPort int port;

  private static void hasTheSecurityHeaders(Response response, String path) {
    for (String name : List.of("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
        "Content-Security-Policy")) {
      assertThat(response.headers().getList(name)).as(name + " on " + path).hasSize(1);
    }
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
  }

  @Test
  void theApiItsProblemsTheDocsTheAdminUiAndTheActuatorSendThem() {
    for (String path : List.of("/api/products/BOOK-000001", "/api/products/NOPE-000000",
        "/api/carts/not-a-cart", "/v3/api-docs", "/docs", "/docs/scalar.js", "/admin/", "/admin/signin/",
        "/api/admin/dashboard", "/actuator/health/readiness", "/no-such-path")) {
      hasTheSecurityHeaders(given().port(port).redirects().follow(false).get(path), path);
    }
    hasTheSecurityHeaders(TestUsers.asAdmin(port).get("/actuator/prometheus"), "/actuator/prometheus");
    hasTheSecurityHeaders(given().port(port).contentType("application/json").body("{").post("/api/carts"),
        "a bad body");
  }

  @Test
  void theApisAnswersMayLoadNothingAtAll() {
    assertThat(given().port(port).get("/api/products/BOOK-000001").header("Content-Security-Policy"))
        .isEqualTo("default-src 'none'; frame-ancestors 'none'");
  }

  @Test
  void theAdminUiAndTheDocsRunOnlyTheirOwnInlineScripts() {
    for (String path : List.of("/admin/signin/", "/docs")) {
      Response page = given().port(port).get(path);
      String policy = page.header("Content-Security-Policy");
      assertThat(policy).as(path).contains("script-src 'self' 'sha256-").doesNotContain("unsafe-eval");
      String scripts = policy.replaceAll(".*script-src ([^;]*);.*", "$1");
      assertThat(scripts).as(path).doesNotContain("unsafe-inline");
      assertThat(PagePolicy.inlineScriptHashes(page.asString())).as(path).isNotEmpty()
          .allSatisfy(hash -> assertThat(scripts).contains(hash));
    }
  }

  @Test
  void anInlineScriptIsHashedAsTheBrowserHashesIt() {
    // The CSP specification's example: sha256 of "alert('Hello, world.');"
    assertThat(PagePolicy.inlineScriptHashes("<p><script>alert('Hello, world.');</script><script src=\"/a.js\"></script>"))
        .containsExactly("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  }
}
