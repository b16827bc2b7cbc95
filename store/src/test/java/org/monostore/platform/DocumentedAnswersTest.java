package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The check of answers against the document fails where a generated client would break, not only on types. */
@StoreTest
class DocumentedAnswersTest {

  @LocalServerPort int port;

  @Test
  void aFieldTheDocumentDoesNotNameANullItDoesNotAllowOrAStatusItDoesNotListIsAMismatch() {
    DocumentedAnswers document = DocumentedAnswers.of(port);
    String cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201)
        .extract().asString();
    String path = "/api/carts/3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    assertThat(cart).contains("\"orderId\":null");

    assertThat(document.check("GET", path, 200, "application/json", cart)).isEmpty();
    assertThat(document.check("GET", path, 200, "application/json", cart.replaceFirst("\\{", "{\"surprise\":1,")))
        .singleElement().asString().contains("surprise");
    assertThat(document.check("GET", path, 200, "application/json", cart.replaceFirst("\"market\":\"SE\"", "\"market\":null")))
        .singleElement().asString().contains("/market");
    assertThat(document.check("GET", path, 200, "application/json", cart.replace("\"orderId\":null,", "")))
        .singleElement().asString().contains("orderId");
    assertThat(document.check("GET", path, 418, "application/json", cart)).isNotEmpty();
    assertThat(document.check("GET", path, 200, "text/html", "<p>a cart</p>")).isNotEmpty();
    assertThat(document.check("GET", path, 404, "application/problem+json",
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":\"404\"}")).isNotEmpty();
  }
}
