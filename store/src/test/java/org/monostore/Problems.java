package org.monostore;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What every problem response of the store must be, for the API tests of every capability. */
public final class Problems {

  private Problems() {}

  /** The status, RFC 9457's shape, and nothing of the server's insides. */
  public static ValidatableResponse problem(Response response, int status) {
    return response.then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("title", not(equalTo(null)))
        .body("detail", not(equalTo(null)))
        .body("$", not(hasKey("trace")))
        .body("detail", not(containsString("Exception")))
        .body("detail", not(containsString("org.monostore")));
  }
}
