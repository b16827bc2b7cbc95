package org.monostore.checkout;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a client may ask of an order, by the names the API uses in an order's {@code allowedActions} and
 * in a conflict's {@code allowed}.
 */
enum OrderAction {
  CREATE("create"),
  CONTACT("contact"),
  ADD_PAYMENT("addPayment"),
  AUTHORIZE("authorize"),
  CREATE_FULFILLMENT("createFulfillment"),
  CANCEL("cancel"),
  CANCEL_FULFILLMENT("cancelFulfillment");

  private final String apiName;

  OrderAction(String apiName) {
    this.apiName = apiName;
  }

  @JsonValue
  String apiName() {
    return apiName;
  }
}
