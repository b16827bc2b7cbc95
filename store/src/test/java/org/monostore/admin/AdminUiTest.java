package org.monostore.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The store serves the admin UI's pages at /admin/, each page a folder with its index.html. */
@StoreTest
class AdminUiTest {

  @LocalServerPort int port;

  @Test
  void everyPageIsServedFromItsFolder() {
    given().port(port).redirects().follow(false).get("/admin").then().statusCode(302)
        .header("Location", endsWith("/admin/"));
    for (String page : new String[] {"/admin/", "/admin/signin/", "/admin/carts/", "/admin/carts/view/",
        "/admin/orders/", "/admin/orders/view/", "/admin/products/", "/admin/carts"}) {
      given().port(port).get(page).then().statusCode(200)
          .contentType(containsString("text/html"))
          .body(containsString("/admin/_next/"));
    }
    given().port(port).get("/admin/no-such-page/").then().statusCode(404);
  }

  @Test
  void aBrowserAskingForAnAdminPageNotThereGetsTheUisOwnPageAndAScriptAProblem() {
    given().port(port).accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/admin/no-such-page/").then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("/admin/_next/"));
    given().port(port).accept("application/json").get("/admin/no-such-page/").then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"));
    // The API's paths stay problems, whoever asks.
    given().port(port).accept("text/html,*/*;q=0.8").get("/api/no-such-route").then()
        .statusCode(404)
        .contentType(not(containsString("text/html")));
  }

  @Test
  void theStoresRootIsAPageLeadingToTheAdminUiTheReferenceAndHealth() {
    given().port(port).get("/").then().statusCode(200)
        .contentType(containsString("text/html"))
        .header("Content-Security-Policy", startsWith("default-src 'none'; style-src 'sha256-"))
        .body(containsString("href=\"/admin/\""), containsString("href=\"/docs\""),
            containsString("href=\"/actuator/health\""));
  }
}
