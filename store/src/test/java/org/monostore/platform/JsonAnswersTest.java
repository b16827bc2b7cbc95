package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** The API answers in JSON; no XML converter is asked about every answer. */
@StoreTest
class JsonAnswersTest {

  @LocalServerPort int port;
  @Autowired RequestMappingHandlerAdapter handlers;

  @Test
  void noAnswerIsOfferedToJaxb() {
    assertThat(handlers.getMessageConverters())
        .isNotEmpty()
        .noneMatch(converter -> converter instanceof Jaxb2RootElementHttpMessageConverter);
  }

  @Test
  void aClientThatTakesOnlyXmlIsToldSoAndAJsonClientGetsJson() {
    given().port(port).accept("application/xml").get("/api/products/BOOK-000001").then().statusCode(406);
    given().port(port).accept("application/json").get("/api/products/BOOK-000001").then().statusCode(200)
        .contentType("application/json");
  }
}
