package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Finding a request's handler: the path decides first, and the API's routes come before the actuator's. */
@StoreTest
class HandlerLookupTest {

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping apiRoutes;
  @Autowired WebMvcEndpointHandlerMapping actuatorRoutes;

  @Test
  void routesOfOtherPathsAreNotAskedWhetherTheyProduceWhatTheClientAccepts() throws Exception {
    var lookup = new RequestReadingAccept("GET", "/api/products/BOOK-000001");
    lookup.addHeader("Accept", "application/json");

    var handler = apiRoutes.getHandler(lookup);

    assertThat(handler).isNotNull();
    assertThat(((HandlerMethod) handler.getHandler()).getMethod().getName()).isEqualTo("product");
    assertThat(lookup.acceptReads.get())
        .as("the docs, OpenAPI and error routes declare media types but not this path")
        .isZero();

    var docs = new RequestReadingAccept("GET", "/docs");
    docs.addHeader("Accept", "text/html");
    assertThat(apiRoutes.getHandler(docs)).isNotNull();
    assertThat(docs.acceptReads.get()).as("a route whose path matches is still asked").isPositive();
  }

  @Test
  void theApiIsTriedBeforeTheActuatorAndBothStillAnswer() {
    assertThat(actuatorRoutes.getOrder()).isGreaterThan(apiRoutes.getOrder());

    given().port(port).get("/api/products/BOOK-000001").then().statusCode(200);
    given().port(port).get("/actuator/health/liveness").then().statusCode(200);
    TestUsers.asAdmin(port).get("/actuator/prometheus").then().statusCode(200);
    given().port(port).delete("/api/products/BOOK-000001").then().statusCode(405)
        .contentType("application/problem+json");
  }

  /** Counts how often a route's media type condition reads the Accept header. */
  private static final class RequestReadingAccept extends MockHttpServletRequest {

    final AtomicInteger acceptReads = new AtomicInteger();

    RequestReadingAccept(String method, String path) {
      super(method, path);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      countAccept(name);
      return super.getHeaders(name);
    }

    @Override
    public String getHeader(String name) {
      countAccept(name);
      return super.getHeader(name);
    }

    private void countAccept(String name) {
      if ("Accept".equalsIgnoreCase(name)) {
        acceptReads.incrementAndGet();
      }
    }
  }
}
