package org.monostore.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Only an admin gets past the admin API: every route, by session or Basic, and never across sites. */
@StoreTest
class AdminSecurityTest {

  private static final String SOME_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired ServletContext servletContext;

  /** Every admin route (the warehouse's too) but the sign-in itself, as method and path with ids and SKUs filled in. */
  private List<String[]> adminRoutes() {
    List<String[]> routes = mappings.getHandlerMethods().keySet().stream()
        .flatMap(AdminSecurityTest::routes)
        .filter(route -> (route[1].startsWith("/api/admin/") || route[1].startsWith("/api/fulfillments/"))
            && !route[1].equals("/api/admin/session"))
        .toList();
    assertThat(routes).hasSizeGreaterThan(20).anyMatch(route -> route[1].endsWith("/ship"));
    return routes;
  }

  private static Stream<String[]> routes(RequestMappingInfo info) {
    return info.getPatternValues().stream().flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
        .map(RequestMethod::name)
        .map(method -> new String[] {method,
            pattern.replaceAll("\\{[a-zA-Z]*Id}", SOME_ID).replace("{sku}", "BOOK-000001")}));
  }

  private RequestSpecification request() {
    return given().port(port).contentType(ContentType.JSON).body("{}");
  }

  @Test
  void everyAdminRouteRefusesAnonymousCallers() {
    for (String[] route : adminRoutes()) {
      request().request(route[0], route[1]).then().statusCode(401)
          .contentType("application/problem+json")
          .body("status", equalTo(401));
    }
  }

  @Test
  void everyAdminRouteRefusesSignedInCallersWhoAreNotAdmins() {
    for (String[] route : adminRoutes()) {
      request().auth().preemptive().basic(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD)
          .request(route[0], route[1]).then().statusCode(403)
          .body("detail", equalTo("Only an admin may do this"));
    }
  }

  @Test
  void wrongCredentialsAreRefused() {
    request().auth().preemptive().basic(TestUsers.ADMIN, "wrong").get("/api/admin/dashboard").then().statusCode(401);
    signIn(TestUsers.ADMIN, "wrong").then().statusCode(401)
        .body("detail", equalTo("The user name or the password is wrong"));
    signIn(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD).then().statusCode(403);
  }

  @Test
  void scriptsUseBasicWithoutACsrfToken() {
    request().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .get("/api/admin/dashboard").then().statusCode(200);
    // A change with Basic needs no token, but a browser's cross-site request with cached Basic credentials does.
    request().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .post("/api/admin/orders/" + SOME_ID + "/cancel").then().statusCode(404);
    request().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .header("Sec-Fetch-Site", "cross-site")
        .post("/api/admin/orders/" + SOME_ID + "/cancel").then().statusCode(401);
  }

  @Test
  void theUisSessionNeedsTheCsrfTokenForEveryChange() {
    Response anonymous = given().port(port).header("X-Requested-With", "XMLHttpRequest").get("/api/admin/session");
    anonymous.then().statusCode(401).header("WWW-Authenticate", nullValue());
    String token = anonymous.cookie("XSRF-TOKEN");
    assertThat(token).isNotBlank();

    // Signing in needs the token too, and gives a new one.
    given().port(port).contentType(ContentType.JSON)
        .body(Map.of("username", TestUsers.ADMIN, "password", TestUsers.ADMIN_PASSWORD))
        .post("/api/admin/session").then().statusCode(403);
    Response signedIn = given().port(port).contentType(ContentType.JSON).cookie("XSRF-TOKEN", token)
        .header("X-XSRF-TOKEN", token)
        .body(Map.of("username", TestUsers.ADMIN, "password", TestUsers.ADMIN_PASSWORD))
        .post("/api/admin/session");
    signedIn.then().statusCode(200).body("username", equalTo(TestUsers.ADMIN));
    String session = signedIn.cookie("JSESSIONID");
    String newToken = signedIn.cookie("XSRF-TOKEN");
    assertThat(newToken).isNotBlank().isNotEqualTo(token);
    assertThat(signedIn.getDetailedCookie("JSESSIONID").getSameSite()).isEqualToIgnoringCase("Strict");

    given().port(port).cookie("JSESSIONID", session).get("/api/admin/session").then().statusCode(200)
        .body("username", equalTo(TestUsers.ADMIN));
    given().port(port).cookie("JSESSIONID", session).get("/api/admin/dashboard").then().statusCode(200);
    given().port(port).cookie("JSESSIONID", session).cookie("XSRF-TOKEN", newToken)
        .post("/api/admin/orders/" + SOME_ID + "/cancel").then().statusCode(403)
        .body("detail", not(equalTo("Only an admin may do this")));
    given().port(port).cookie("JSESSIONID", session).cookie("XSRF-TOKEN", newToken).header("X-XSRF-TOKEN", newToken)
        .post("/api/admin/orders/" + SOME_ID + "/cancel").then().statusCode(404);

    given().port(port).cookie("JSESSIONID", session).cookie("XSRF-TOKEN", newToken).header("X-XSRF-TOKEN", newToken)
        .delete("/api/admin/session").then().statusCode(204);
    given().port(port).cookie("JSESSIONID", session).get("/api/admin/dashboard").then().statusCode(401);
  }

  @Test
  void theSessionsCookieNeedsTheCsrfTokenWhateverAuthorizationHeaderComesWithIt() {
    Response signedIn = signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    String session = signedIn.then().statusCode(200).extract().cookie("JSESSIONID");
    String cancel = "/api/admin/orders/" + SOME_ID + "/cancel";

    for (String authorization : List.of("Bearer x", "", "Basic", "Basic bm9ib2R5Om5vdGhpbmc=")) {
      request().cookie("JSESSIONID", session).header("Authorization", authorization).post(cancel).then()
          .statusCode(403).contentType("application/problem+json");
    }
    request().cookie("JSESSIONID", session).auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .post(cancel).then().statusCode(403).body("detail", containsString("CSRF"));
  }

  @Test
  void basicCredentialsWithoutTheSessionTakeJsonOnly() throws Exception {
    String cancel = "/api/admin/orders/" + SOME_ID + "/cancel";
    for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
        "application/jsonp", "*/*")) {
      HttpResponse<String> refused = postWithBasic(cancel, type, "reason=none");
      assertThat(refused.statusCode()).as(type).isEqualTo(415);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(refused.body()).contains("application/json");
    }
    // An empty form, as a cross-site form without fields sends it.
    assertThat(postWithBasic(cancel, "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(415);
    given().port(port).auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .contentType("application/x-www-form-urlencoded").formParam("trackingNumber", "JJD1")
        .post("/api/admin/orders/" + SOME_ID + "/fulfillment/ship").then().statusCode(415);
    // JSON, or no body at all (curl -X POST -u admin:...), reaches the route: the order is not there.
    given().port(port).auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .contentType("application/json; charset=utf-8").body("{}").post(cancel).then().statusCode(404);
    assertThat(postWithBasic(cancel, null, "").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> postWithBasic(String path, String contentType, String body) throws Exception {
    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      post.header("Content-Type", contentType);
    }
    return HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void customerEndpointsKeepNoSessionAndShowNoAdminData() {
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().path("id");
    Response asAdmin = given().port(port).auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .get("/api/carts/" + cart);
    asAdmin.then().statusCode(200).body("timeline", nullValue());
    assertThat(asAdmin.getCookies()).isEmpty();
  }

  @Test
  void theShopsOwnApiNeverPassesThroughSpringSecurity() {
    assertThat(servletContext.getFilterRegistration("springSecurityFilterChain").getUrlPatternMappings())
        .containsExactlyInAnyOrder("/api/admin/*", "/admin/*", "/api/fulfillments/*", "/actuator/*");
    // The admin UI's files still get the chain's headers, the shop's answers only the constant ones.
    given().port(port).redirects().follow(false).get("/admin").then().header("Cache-Control", containsString("no-store"));
    given().port(port).get("/api/products/BOOK-000001").then().statusCode(200)
        .header("Cache-Control", nullValue());
  }

  private Response signIn(String username, String password) {
    return signIn(port, username, password);
  }

  /** Signs in as the UI does: the CSRF token first, then the credentials with it. */
  static Response signIn(int port, String username, String password) {
    String token = given().port(port).get("/api/admin/session").cookie("XSRF-TOKEN");
    return given().port(port).contentType(ContentType.JSON).cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token)
        .body(Map.of("username", username, "password", password)).post("/api/admin/session");
  }
}
