package org.monostore.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.Problems.problem;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Contact text that cannot be stored or shown as typed is a 400 naming the field, answered at once,
 * and the order keeps what it had: a lone UTF-16 surrogate is valid JSON, but no event can hold it.
 */
@StoreTest
class ContactTextApiTest {

  private static final String PEN = "OFFC-000003";

  @LocalServerPort int port;
  private Shopper shopper;

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "name                   | Anna \\ud800",
      "name                   | \\udc00",
      "name                   | \\u200b\\u200b",
      "name                   | Anna \\u202eevil",
      "name                   | Anna\\u0007",
      "email                  | anna\\ud800@example.com",
      "shippingAddress.line1  | Storgatan \\ud800",
      "shippingAddress.line2  | \\u2066lgh\\u2069",
      "shippingAddress.city   | Stock\\u0000holm",
      "billingAddress.line1   | \\ufeff"})
  void textThatCannotBeStoredIsRefusedNamingTheField(String field, String jsonText) {
    String order = shopper.payableOrder(PEN, 1);
    String before = shopper.order(order).getString("contact");

    String body = """
        {"email": "%s", "name": "%s", "shippingAddress": {"line1": "%s", "line2": "%s", "city": "%s",
         "postalCode": "111 51", "country": "SE"}, "billingAddress": {"line1": "%s", "city": "Stockholm",
         "postalCode": "111 51", "country": "SE"}}""".formatted(
        value(field, "email", jsonText, "anna@example.com"), value(field, "name", jsonText, "Anna"),
        value(field, "shippingAddress.line1", jsonText, "Storgatan 1"),
        value(field, "shippingAddress.line2", jsonText, "lgh 1102"),
        value(field, "shippingAddress.city", jsonText, "Stockholm"),
        value(field, "billingAddress.line1", jsonText, "Box 1"));

    problem(given().port(port).contentType(ContentType.JSON).body(body).put("/api/orders/" + order + "/contact"), 400)
        .body("field", equalTo(field));
    assertThat(shopper.order(order).getString("contact")).isEqualTo(before);
  }

  @Test
  void namesInAnyScriptWithJoinersAreKeptAsTyped() {
    String order = shopper.orderFor(shopper.cartWith(PEN, 1));
    var contact = Shopper.contact();
    contact.put("name", "Nguyễn 👩‍👩‍👧 Thị");

    shopper.giveContact(order, contact).then().statusCode(200).body("contact.name", equalTo("Nguyễn 👩‍👩‍👧 Thị"));
  }

  private static String value(String field, String name, String jsonText, String otherwise) {
    return field.equals(name) ? jsonText : otherwise;
  }
}
