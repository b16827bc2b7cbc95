package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.checkout.OrderState.PaymentEntry;
import org.monostore.checkout.OrderState.Status;
import org.monostore.checkout.PurchaseOrder.ContactGiven;
import org.monostore.checkout.PurchaseOrder.Event;
import org.monostore.checkout.PurchaseOrder.FulfillmentCreated;
import org.monostore.checkout.PurchaseOrder.OrderCancelled;
import org.monostore.checkout.PurchaseOrder.OrderCreated;
import org.monostore.checkout.PurchaseOrder.PaymentAdded;
import org.monostore.checkout.PurchaseOrder.PaymentAuthorized;
import org.monostore.checkout.PurchaseOrder.PaymentDeclined;
import org.monostore.checkout.PurchaseOrder.PaymentFailed;
import org.monostore.checkout.PurchaseOrder.PaymentOutcome;
import org.monostore.checkout.PurchaseOrder.PaymentPending;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.payment.PaymentView;
import org.monostore.platform.Rejection;
import org.monostore.platform.Rejection.Reason;
import org.monostore.pricing.Pricing;
import org.monostore.pricing.VatRates;
import org.monostore.shared.Address;
import org.monostore.shared.Happened;
import org.monostore.shared.Money;

/** The purchase order's rules, as pure functions of its state: no actors involved. */
class OrderStateTest {

  private static final Instant CREATED_AT = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant LATER = Instant.parse("2025-03-01T09:05:00Z");
  private static final Instant LATEST = Instant.parse("2025-03-01T09:10:00Z");

  private static final Contact ANNA = new Contact("anna.svensson@example.com", "Anna Svensson", "+46 70 123 45 67",
      new Address("Storgatan 1", null, "Stockholm", "111 51", "SE"), null);
  private static final Contact ANNA_MOVED = new Contact("anna.svensson@example.com", "Anna Svensson", null,
      new Address("Drottninggatan 7", null, "Uppsala", "753 10", "SE"), null);
  private static final Pricing PRICING = Pricing.calculate("SE", "SEK",
      List.of(new Pricing.Item("MUG-000001", "Mug", "Kitchen", 2, 12_500)), List.of(),
      new VatRates("SE:25", ""));
  private static final Money TOTAL = PRICING.total();

  private static final PaymentView.Outcome APPROVED = new PaymentView.Outcome("approved", "Approved", "AUTH-000001");
  private static final PaymentView.Outcome DECLINED =
      new PaymentView.Outcome("insufficient_funds", "The card has insufficient funds", null);
  private static final PaymentView.Outcome FAILED = new PaymentView.Outcome("gateway_error", "The gateway failed", null);
  private static final PaymentView.Outcome TIMED_OUT = new PaymentView.Outcome("timeout", "No answer in time", null);

  private static final String FIRST_FULFILLMENT_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  private static final OrderState CREATED = OrderState.NONE.apply(new OrderCreated("cart-1", "SE", "SEK", FIRST_FULFILLMENT_ID, CREATED_AT));
  private static final OrderState CONTACT_GIVEN = CREATED.apply(new ContactGiven(ContactDetails.of(ANNA), LATER));
  private static final OrderState PAYMENT_INITIATED = CONTACT_GIVEN.apply(added("pay-1"));
  private static final OrderState PAYMENT_PENDING =
      PAYMENT_INITIATED.apply(new PaymentPending("pay-1", GatewayOutcome.of(TIMED_OUT), null, LATEST));
  private static final OrderState PAYMENT_DECLINED =
      PAYMENT_INITIATED.apply(new PaymentDeclined("pay-1", GatewayOutcome.of(DECLINED), null, LATEST));
  private static final OrderState PAYMENTS_DECLINED_AND_FAILED = PAYMENT_DECLINED
      .apply(added("pay-2"))
      .apply(new PaymentFailed("pay-2", GatewayOutcome.of(FAILED), null, LATEST));
  private static final OrderState AUTHORIZED =
      PAYMENT_INITIATED.apply(new PaymentAuthorized("pay-1", GatewayOutcome.of(APPROVED), null, LATEST));
  private static final String FULFILLMENT_ID = OrderState.fulfillmentIdOf("order-1");
  private static final OrderState FULFILLED = AUTHORIZED.apply(new FulfillmentCreated(FULFILLMENT_ID, LATEST));
  private static final OrderState CANCELLED = CONTACT_GIVEN.apply(new OrderCancelled("customer", LATEST));

  private static final List<OrderAction> ACTIONS = List.of(OrderAction.CREATE, OrderAction.CONTACT,
      OrderAction.ADD_PAYMENT, OrderAction.AUTHORIZE, OrderAction.CREATE_FULFILLMENT, OrderAction.CANCEL);

  // Which actions each status allows

  static Stream<Arguments> allowedByStatus() {
    return Stream.of(
        Arguments.of(Named.of("CREATED", CREATED), List.of("contact", "cancel")),
        Arguments.of(Named.of("CONTACT_GIVEN", CONTACT_GIVEN), List.of("contact", "addPayment", "cancel")),
        Arguments.of(Named.of("PAYMENT_ADDED, payment INITIATED", PAYMENT_INITIATED),
            List.of("contact", "authorize", "cancel")),
        Arguments.of(Named.of("PAYMENT_ADDED, payment PENDING", PAYMENT_PENDING), List.of("contact", "authorize")),
        Arguments.of(Named.of("PAYMENT_ADDED, payment DECLINED", PAYMENT_DECLINED),
            List.of("contact", "addPayment", "cancel")),
        Arguments.of(Named.of("PAYMENT_ADDED, payments DECLINED and FAILED", PAYMENTS_DECLINED_AND_FAILED),
            List.of("contact", "addPayment", "cancel")),
        Arguments.of(Named.of("PAYMENT_AUTHORIZED", AUTHORIZED), List.of("contact", "createFulfillment")),
        Arguments.of(Named.of("FULFILLMENT_CREATED", FULFILLED), List.of()),
        Arguments.of(Named.of("CANCELLED", CANCELLED), List.of()));
  }

  @ParameterizedTest
  @MethodSource("allowedByStatus")
  void eachStatusAllowsOnlyItsActionsAndRefusesTheRestAsConflicts(OrderState order, List<String> allowed) {
    assertThat(order.allowedNames()).containsExactlyElementsOf(allowed);
    for (OrderAction action : ACTIONS) {
      Rejection refusal = order.refuse(action);
      if (allowed.contains(action.apiName())) {
        assertThat(refusal).as(action + " from " + order.status()).isNull();
      } else {
        assertThat(refusal).as(action + " from " + order.status()).isNotNull();
        assertThat(refusal.reason()).isEqualTo(Reason.CONFLICT);
        assertThat(refusal.currentStatus()).isEqualTo(order.status().name());
        assertThat(refusal.allowed()).containsExactlyElementsOf(allowed);
        assertThat(refusal.detail())
            .endsWith("(allowed now: " + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)) + ")");
      }
    }
  }

  static Stream<Arguments> allowedToAdminByStatus() {
    return Stream.of(
        Arguments.of(Named.of("CREATED", CREATED), null, List.of("contact", "cancel")),
        Arguments.of(Named.of("CONTACT_GIVEN", CONTACT_GIVEN), null, List.of("contact", "cancel")),
        Arguments.of(Named.of("PAYMENT_ADDED, payment PENDING", PAYMENT_PENDING), null, List.of("contact")),
        Arguments.of(Named.of("PAYMENT_ADDED, payment DECLINED", PAYMENT_DECLINED), null,
            List.of("contact", "cancel")),
        // Paid: the customer may no longer cancel, the admin may.
        Arguments.of(Named.of("PAYMENT_AUTHORIZED", AUTHORIZED), null,
            List.of("contact", "createFulfillment", "cancel")),
        Arguments.of(Named.of("FULFILLMENT_CREATED, to be picked", FULFILLED), Fulfillment.Status.CREATED,
            List.of("pick", "cancelFulfillment", "cancel")),
        Arguments.of(Named.of("FULFILLMENT_CREATED, picked", FULFILLED), Fulfillment.Status.PICKED,
            List.of("ship", "cancelFulfillment", "cancel")),
        // Once the parcel is on its way nobody cancels: it is delivered, or comes back as a return.
        Arguments.of(Named.of("FULFILLMENT_CREATED, shipped", FULFILLED), Fulfillment.Status.SHIPPED,
            List.of("deliver")),
        Arguments.of(Named.of("FULFILLMENT_CREATED, delivered", FULFILLED), Fulfillment.Status.DELIVERED,
            List.of()),
        Arguments.of(Named.of("CANCELLED", CANCELLED), null, List.of()));
  }

  @ParameterizedTest
  @MethodSource("allowedToAdminByStatus")
  void anAdminMayTakeTheActionsOfTheAdminApi(OrderState order, Fulfillment.Status fulfillment, List<String> allowed) {
    assertThat(order.allowedToAdmin(fulfillment)).extracting(OrderAction::apiName)
        .containsExactlyElementsOf(allowed);
  }

  @Test
  void anOrderNotYetCreatedAllowsNothing() {
    assertThat(OrderState.NONE.allowedToAdmin(null)).isEmpty();
    assertThat(OrderState.NONE.allowed()).isEmpty();
    assertThat(OrderState.NONE.status()).isNull();
  }

  @Test
  void aNewPaymentAfterADeclinedOneIsTheOpenOne() {
    OrderState retried = PAYMENT_DECLINED.apply(added("pay-2"));

    assertThat(retried.openPayment().id()).isEqualTo("pay-2");
    assertThat(retried.allowedNames()).containsExactly("contact", "authorize", "cancel");
  }

  // Why an action is refused

  @Test
  void aPaymentBeforeTheContactInformationIsRefusedSayingSo() {
    Rejection refusal = CREATED.refuse(OrderAction.ADD_PAYMENT);

    assertThat(refusal.detail()).startsWith("A payment needs the contact information first");
    assertThat(refusal.currentStatus()).isEqualTo("CREATED");
  }

  @Test
  void aSecondPaymentWhileOneIsOpenIsRefusedNamingTheOpenOne() {
    Rejection refusal = PAYMENT_INITIATED.refuse(OrderAction.ADD_PAYMENT);

    assertThat(refusal.detail()).startsWith("Payment pay-1 is added and not yet authorized");
  }

  @Test
  void whileAPaymentIsPendingOnlyAuthorizingItAgainIsSuggested() {
    Rejection cancel = PAYMENT_PENDING.refuse(OrderAction.CANCEL);
    Rejection addPayment = PAYMENT_PENDING.refuse(OrderAction.ADD_PAYMENT);

    assertThat(cancel.detail())
        .startsWith("Payment pay-1 waits for the gateway's outcome: authorize it again to learn it");
    assertThat(addPayment.detail()).isEqualTo(cancel.detail());
    assertThat(cancel.allowed()).containsExactly("contact", "authorize");
  }

  @Test
  void cancellingAnAuthorizedOrderIsLeftToAnAdmin() {
    assertThat(AUTHORIZED.refuse(OrderAction.CANCEL).detail())
        .startsWith("The payment is authorized: only an admin can cancel the order now");
    assertThat(FULFILLED.refuse(OrderAction.CANCEL).detail()).contains("only an admin");
  }

  @Test
  void creatingTheFulfilmentTwiceIsRefusedNamingTheOneThereIs() {
    Rejection refusal = FULFILLED.refuse(OrderAction.CREATE_FULFILLMENT);

    assertThat(refusal.detail())
        .isEqualTo("The order has fulfilment " + FULFILLMENT_ID + " already (allowed now: nothing)");
    assertThat(refusal.currentStatus()).isEqualTo("FULFILLMENT_CREATED");
  }

  @Test
  void creatingAnOrderThatExistsIsAConflict() {
    Rejection refusal = CONTACT_GIVEN.conflict(OrderAction.CREATE);

    assertThat(refusal.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(refusal.detail()).startsWith("The order exists already");
  }

  @Test
  void otherRefusalsNameTheStatusAndTheAction() {
    assertThat(CANCELLED.refuse(OrderAction.CONTACT).detail())
        .isEqualTo("An order that is CANCELLED does not allow contact (allowed now: nothing)");
    assertThat(CREATED.refuse(OrderAction.AUTHORIZE).detail())
        .isEqualTo("An order that is CREATED does not allow authorize (allowed now: contact, cancel)");
  }

  // Applying events

  @Test
  void theOrderKeepsItsHistoryByEventNameWithWhoDidWhatWhereTheEventSays() {
    OrderState edited = CONTACT_GIVEN
        .apply(new PurchaseOrder.OrderEditedByAdmin("anna", "contact", LATEST))
        .apply(new ContactGiven(ContactDetails.of(ANNA_MOVED), LATEST))
        .apply(new OrderCancelled("anna", LATEST));

    assertThat(edited.history()).containsExactly(
        new Happened(CREATED_AT, "OrderCreated", null),
        new Happened(LATER, "ContactGiven", null, "anna.svensson@example.com"),
        new Happened(LATEST, "OrderEditedByAdmin", "anna", "contact"),
        new Happened(LATEST, "ContactGiven", null, "anna.svensson@example.com"),
        new Happened(LATEST, "OrderCancelled", "anna"));
  }

  @Test
  void aCancelledFulfilmentIsRememberedSoThatItsHistoryStaysInTheTimeline() {
    OrderState withdrawn =
        FULFILLED.apply(new PurchaseOrder.FulfillmentCancelled(FULFILLMENT_ID, "admin", "next-id", LATEST));

    assertThat(withdrawn.cancelledFulfillmentIds()).containsExactly(FULFILLMENT_ID);
  }

  @Test
  void applyingOrderCreatedOpensAnOrderForTheCartInItsMarket() {
    assertThat(CREATED).isEqualTo(new OrderState("cart-1", "SE", "SEK", Status.CREATED, null, List.of(), null, null,
        FIRST_FULFILLMENT_ID, Map.of(), null, CREATED_AT, CREATED_AT, List.of(),
        List.of(new Happened(CREATED_AT, "OrderCreated", null))));
  }

  @Test
  void applyingContactGivenToANewOrderRecordsTheContact() {
    assertThat(CONTACT_GIVEN.status()).isEqualTo(Status.CONTACT_GIVEN);
    assertThat(CONTACT_GIVEN.contact()).isEqualTo(ANNA);
    assertThat(CONTACT_GIVEN.createdAt()).isEqualTo(CREATED_AT);
    assertThat(CONTACT_GIVEN.updatedAt()).isEqualTo(LATER);
  }

  static Stream<Named<OrderState>> ordersPastTheContact() {
    return Stream.of(
        Named.of("PAYMENT_ADDED", PAYMENT_INITIATED),
        Named.of("PAYMENT_ADDED, payment PENDING", PAYMENT_PENDING),
        Named.of("PAYMENT_AUTHORIZED", AUTHORIZED),
        Named.of("CONTACT_GIVEN", CONTACT_GIVEN));
  }

  @ParameterizedTest
  @MethodSource("ordersPastTheContact")
  void applyingContactGivenLaterChangesTheContactButNotTheStatus(OrderState order) {
    OrderState changed = order.apply(new ContactGiven(ContactDetails.of(ANNA_MOVED), LATEST));

    assertThat(changed.status()).isEqualTo(order.status());
    assertThat(changed.contact()).isEqualTo(ANNA_MOVED);
    assertThat(changed.payments()).isEqualTo(order.payments());
    assertThat(changed.pricing()).isEqualTo(order.pricing());
    assertThat(changed.updatedAt()).isEqualTo(LATEST);
  }

  @Test
  void applyingPaymentAddedFixesThePricingAndAddsAnInitiatedPayment() {
    assertThat(CONTACT_GIVEN.pricing()).isNull();

    assertThat(PAYMENT_INITIATED.status()).isEqualTo(Status.PAYMENT_ADDED);
    assertThat(PAYMENT_INITIATED.pricing()).isEqualTo(PRICING);
    assertThat(PAYMENT_INITIATED.payments()).containsExactly(
        new PaymentEntry("pay-1", "card", TOTAL, Payment.Status.INITIATED, null, LATER, LATER));
    assertThat(PAYMENT_INITIATED.openPayment().id()).isEqualTo("pay-1");
    assertThat(PAYMENT_INITIATED.contact()).isEqualTo(ANNA);
    assertThat(PAYMENT_INITIATED.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void applyingAnotherPaymentKeepsTheEarlierOnesInOrder() {
    assertThat(PAYMENTS_DECLINED_AND_FAILED.payments())
        .extracting(PaymentEntry::id, PaymentEntry::status)
        .containsExactly(
            tuple("pay-1", Payment.Status.DECLINED),
            tuple("pay-2", Payment.Status.FAILED));
    assertThat(PAYMENTS_DECLINED_AND_FAILED.openPayment()).isNull();
  }

  static Stream<Arguments> outcomes() {
    return Stream.of(
        Arguments.of(new PaymentAuthorized("pay-2", GatewayOutcome.of(APPROVED), null, LATEST),
            Payment.Status.AUTHORIZED,
            Status.PAYMENT_AUTHORIZED),
        Arguments.of(new PaymentDeclined("pay-2", GatewayOutcome.of(DECLINED), null, LATEST), Payment.Status.DECLINED,
            Status.PAYMENT_ADDED),
        Arguments.of(new PaymentFailed("pay-2", GatewayOutcome.of(FAILED), null, LATEST), Payment.Status.FAILED,
            Status.PAYMENT_ADDED),
        Arguments.of(new PaymentPending("pay-2", GatewayOutcome.of(TIMED_OUT), null, LATEST), Payment.Status.PENDING,
            Status.PAYMENT_ADDED));
  }

  @ParameterizedTest
  @MethodSource("outcomes")
  void applyingAPaymentOutcomeUpdatesThatPaymentAndOnlyAnAuthorizationMovesTheOrder(
      PaymentOutcome outcome, Payment.Status paymentStatus, Status orderStatus) {
    OrderState withTwo = PAYMENT_DECLINED.apply(added("pay-2"));

    OrderState after = withTwo.apply(outcome);

    assertThat(after.status()).isEqualTo(orderStatus);
    assertThat(after.payment("pay-2"))
        .isEqualTo(new PaymentEntry("pay-2", "card", TOTAL, paymentStatus, outcome.outcome().asOutcome(), LATER,
            LATEST));
    assertThat(after.payment("pay-1")).as("the other payment is untouched").isEqualTo(withTwo.payment("pay-1"));
    assertThat(after.pricing()).isEqualTo(PRICING);
    assertThat(after.updatedAt()).isEqualTo(LATEST);
    assertThat(after.paymentIdsByKey()).as("no key was sent").isEmpty();
  }

  @Test
  void applyingAnOutcomeRecordsTheClientsKeyForThePaymentFirstWins() {
    OrderState keyed = PAYMENT_INITIATED.apply(new PaymentDeclined("pay-1", GatewayOutcome.of(DECLINED), "key-1",
        LATER));
    OrderState again = keyed.apply(added("pay-2")).apply(new PaymentAuthorized("pay-2", GatewayOutcome.of(APPROVED),
        "key-1", LATEST));
    OrderState secondKey = again.apply(new PaymentPending("pay-2", GatewayOutcome.of(TIMED_OUT), "key-2", LATEST));

    assertThat(keyed.paymentIdsByKey()).isEqualTo(Map.of("key-1", "pay-1"));
    assertThat(again.paymentIdsByKey()).as("a key keeps the payment it was first used for")
        .isEqualTo(Map.of("key-1", "pay-1"));
    assertThat(secondKey.paymentIdsByKey()).isEqualTo(Map.of("key-1", "pay-1", "key-2", "pay-2"));
  }

  @Test
  void applyingFulfillmentCreatedRecordsTheFulfilment() {
    assertThat(FULFILLED.status()).isEqualTo(Status.FULFILLMENT_CREATED);
    assertThat(FULFILLED.fulfillmentId()).isEqualTo(FULFILLMENT_ID);
    assertThat(FULFILLED.payments()).isEqualTo(AUTHORIZED.payments());
    assertThat(FULFILLED.pricing()).isEqualTo(PRICING);
    assertThat(FULFILLED.updatedAt()).isEqualTo(LATEST);
  }

  @Test
  void applyingOrderCancelledRecordsWhoCancelledAndKeepsTheRest() {
    OrderState cancelled = PAYMENT_DECLINED.apply(new OrderCancelled("admin", LATEST));

    assertThat(CANCELLED.cancelledBy()).isEqualTo("customer");
    assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
    assertThat(cancelled.cancelledBy()).isEqualTo("admin");
    assertThat(cancelled.payments()).isEqualTo(PAYMENT_DECLINED.payments());
    assertThat(cancelled.pricing()).isEqualTo(PRICING);
    assertThat(cancelled.contact()).isEqualTo(ANNA);
    assertThat(cancelled.createdAt()).isEqualTo(CREATED_AT);
    assertThat(cancelled.updatedAt()).isEqualTo(LATEST);
  }

  // The fulfilment's id

  @Test
  void theFirstFulfilmentHasTheIdChosenWhenTheOrderWasCreated() {
    assertThat(AUTHORIZED.fulfillmentIdToCreate("order-1")).isEqualTo(FIRST_FULFILLMENT_ID);
  }

  @Test
  void anOrderFromBeforeFulfilmentIdsWereChosenDerivesItsFromTheOrderId() {
    OrderState older = OrderState.NONE.apply(new OrderCreated("cart-1", "SE", "SEK", null, CREATED_AT));
    String orderId = UUID.randomUUID().toString();

    assertThat(older.fulfillmentIdToCreate(orderId)).isEqualTo(OrderState.fulfillmentIdOf(orderId))
        .isNotEqualTo(orderId);
  }

  @Test
  void aCancelledFulfilmentLeavesTheOrderPaidAndReadyForAnotherWithANewId() {
    OrderState withdrawn =
        FULFILLED.apply(new PurchaseOrder.FulfillmentCancelled(FULFILLMENT_ID, "admin", "next-id", LATEST));

    assertThat(withdrawn.status()).isEqualTo(Status.PAYMENT_AUTHORIZED);
    assertThat(withdrawn.fulfillmentId()).isNull();
    assertThat(withdrawn.allowedNames()).contains("createFulfillment");
    assertThat(withdrawn.refuseAdminCancel()).isNull();
    assertThat(withdrawn.fulfillmentIdToCreate("order-1")).isEqualTo("next-id");
    assertThat(FULFILLED.refuseFulfillmentCancel()).isNull();
    assertThat(withdrawn.refuseFulfillmentCancel().detail()).contains("no fulfilment to cancel");
  }

  // What a payment's answer means for the order

  static Stream<Arguments> paymentOutcomes() {
    return Stream.of(
        Arguments.of(Payment.Status.AUTHORIZED, APPROVED, PaymentAuthorized.class),
        Arguments.of(Payment.Status.DECLINED, DECLINED, PaymentDeclined.class),
        Arguments.of(Payment.Status.FAILED, FAILED, PaymentFailed.class),
        Arguments.of(Payment.Status.PENDING, TIMED_OUT, PaymentPending.class));
  }

  @ParameterizedTest
  @MethodSource("paymentOutcomes")
  void aPaymentsAnswerBecomesTheOutcomeEventOfItsStatus(
      Payment.Status status, PaymentView.Outcome said, Class<? extends PaymentOutcome> eventClass) {
    Event event = OrderState.outcomeOf(payment(status, said), "key-1", LATEST);

    assertThat(event).isInstanceOf(eventClass);
    PaymentOutcome outcome = (PaymentOutcome) event;
    assertThat(outcome.paymentId()).isEqualTo("pay-1");
    assertThat(outcome.outcome().asOutcome()).isEqualTo(said);
    assertThat(outcome.idempotencyKey()).isEqualTo("key-1");
    assertThat(outcome.at()).isEqualTo(LATEST);
  }

  @ParameterizedTest
  @EnumSource(value = Payment.Status.class, names = {"INITIATED", "AUTHORIZING"})
  void aPaymentWithoutAnAnswerYetGivesNoEvent(Payment.Status status) {
    assertThat(OrderState.outcomeOf(payment(status, null), "key-1", LATEST)).isNull();
  }

  // Helpers

  private static PaymentAdded added(String paymentId) {
    return new PaymentAdded(paymentId, "card", TOTAL, FixedPricing.of(PRICING), LATER);
  }

  private static PaymentView payment(Payment.Status status, PaymentView.Outcome outcome) {
    return new PaymentView("pay-1", "order-1", "card", TOTAL, status, outcome, CREATED_AT, LATEST);
  }
}
