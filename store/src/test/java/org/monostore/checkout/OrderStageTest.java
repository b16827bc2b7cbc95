package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stage of one order and the list's stage in SQL are one rule: the same answer for every combination. */
@StoreTest
class OrderStageTest {

  @Autowired JdbcClient jdbc;

  @Test
  void theListsSqlNamesTheSameStageAsTheOrderForEveryStatusPaymentAndFulfilment() {
    List<Payment.Status> payments = new ArrayList<>(Arrays.asList(Payment.Status.values()));
    payments.add(null);
    List<Fulfillment.Status> fulfillments = new ArrayList<>(Arrays.asList(Fulfillment.Status.values()));
    fulfillments.add(null);
    int combinations = 0;
    for (OrderState.Status status : OrderState.Status.values()) {
      for (Payment.Status payment : payments) {
        for (Fulfillment.Status fulfillment : fulfillments) {
          String inSql = jdbc.sql("SELECT " + OrderStage.SQL
                  + " FROM (SELECT CAST(? AS varchar) AS status, CAST(? AS varchar) AS payment_status) o,"
                  + " (SELECT CAST(? AS varchar) AS status) f")
              .param(status.name()).param(name(payment)).param(name(fulfillment))
              .query(String.class).single();
          assertThat(inSql).as("%s, payment %s, fulfilment %s", status, payment, fulfillment)
              .isEqualTo(OrderStage.of(status, payment, fulfillment).name());
          combinations++;
        }
      }
    }
    assertThat(combinations).isEqualTo(6 * 8 * 6);
  }

  @Test
  void everyStageIsWhereSomeOrderStands() {
    assertThat(Stream.of(
            OrderStage.of(OrderState.Status.CREATED, null, null),
            OrderStage.of(OrderState.Status.CONTACT_GIVEN, null, null),
            OrderStage.of(OrderState.Status.PAYMENT_ADDED, Payment.Status.INITIATED, null),
            OrderStage.of(OrderState.Status.PAYMENT_ADDED, Payment.Status.DECLINED, null),
            OrderStage.of(OrderState.Status.PAYMENT_ADDED, Payment.Status.FAILED, null),
            OrderStage.of(OrderState.Status.PAYMENT_ADDED, Payment.Status.PENDING, null),
            OrderStage.of(OrderState.Status.PAYMENT_AUTHORIZED, Payment.Status.AUTHORIZED, null),
            OrderStage.of(OrderState.Status.FULFILLMENT_CREATED, Payment.Status.AUTHORIZED, Fulfillment.Status.CREATED),
            OrderStage.of(OrderState.Status.FULFILLMENT_CREATED, Payment.Status.AUTHORIZED, Fulfillment.Status.PICKED),
            OrderStage.of(OrderState.Status.FULFILLMENT_CREATED, Payment.Status.AUTHORIZED, Fulfillment.Status.SHIPPED),
            OrderStage.of(OrderState.Status.FULFILLMENT_CREATED, Payment.Status.AUTHORIZED, Fulfillment.Status.DELIVERED),
            OrderStage.of(OrderState.Status.CANCELLED, Payment.Status.RELEASED, Fulfillment.Status.CANCELLED)))
        .containsExactly(OrderStage.values());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
