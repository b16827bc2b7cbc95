package org.monostore.checkout;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a client may ask of an order, by the names the API uses in an order's {@code allowedActions}
 * and {@code adminActions} and in a conflict's {@code allowed}. Picking, shipping and delivering are the
 * admin's steps of the order's fulfilment.
 */
enum OrderAction {
  CREATE("create"),
  CONTACT("contact"),
  ADD_PAYMENT("addPayment"),
  AUTHORIZE("authorize"),
  CREATE_FULFILLMENT("createFulfillment"),
  CANCEL("cancel"),
  CANCEL_FULFILLMENT("cancelFulfillment"),
  PICK("pick"),
  SHIP("ship"),
  DELIVER("deliver");

  private final String apiName;

  OrderAction(String apiName) {
    this.apiName = apiName;
  }

  @JsonValue
  String apiName() {
    return apiName;
  }
}
