package org.monostore.checkout;

import static org.monostore.checkout.OrderAction.ADD_PAYMENT;
import static org.monostore.checkout.OrderAction.AUTHORIZE;
import static org.monostore.checkout.OrderAction.CANCEL;
import static org.monostore.checkout.OrderAction.CANCEL_FULFILLMENT;
import static org.monostore.checkout.OrderAction.CONTACT;
import static org.monostore.checkout.OrderAction.CREATE;
import static org.monostore.checkout.OrderAction.CREATE_FULFILLMENT;
import static org.monostore.checkout.OrderAction.DELIVER;
import static org.monostore.checkout.OrderAction.PICK;
import static org.monostore.checkout.OrderAction.SHIP;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.monostore.checkout.PurchaseOrder.ContactGiven;
import org.monostore.checkout.PurchaseOrder.Event;
import org.monostore.checkout.PurchaseOrder.FulfillmentCancelled;
import org.monostore.checkout.PurchaseOrder.FulfillmentCreated;
import org.monostore.checkout.PurchaseOrder.OrderCancelled;
import org.monostore.checkout.PurchaseOrder.OrderCreated;
import org.monostore.checkout.PurchaseOrder.OrderEditedByAdmin;
import org.monostore.checkout.PurchaseOrder.PaymentAdded;
import org.monostore.checkout.PurchaseOrder.PaymentAuthorized;
import org.monostore.checkout.PurchaseOrder.PaymentDeclined;
import org.monostore.checkout.PurchaseOrder.PaymentFailed;
import org.monostore.checkout.PurchaseOrder.PaymentOutcome;
import org.monostore.checkout.PurchaseOrder.PaymentPending;
import org.monostore.checkout.PurchaseOrder.PaymentReleased;
import org.monostore.checkout.PurchaseOrder.PaymentRepriced;
import org.monostore.checkout.PurchaseOrder.PaymentSettlementDue;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.payment.PaymentView;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Happened;
import org.monostore.shared.Money;

/**
 * A purchase order as its events left it, and the rules of its state machine: which actions each
 * status allows. {@code status} is null until the order is created; {@code pricing} is null until a
 * payment fixes it (before that the order costs what its cart holds now). {@code nextFulfillmentId} is
 * the random id its next fulfilment gets, chosen when the order was created or its last fulfilment was
 * cancelled, so that a repeated request creates that one fulfilment and no other.
 * {@code cancelledFulfillmentIds} are the fulfilments cancelled before the current one, and
 * {@code history} the order's events as its timeline shows them.
 */
public record OrderState(
    String cartId,
    String market,
    String currency,
    Status status,
    Contact contact,
    List<PaymentEntry> payments,
    Pricing pricing,
    String fulfillmentId,
    String nextFulfillmentId,
    Map<String, String> paymentIdsByKey,
    String cancelledBy,
    Instant createdAt,
    Instant updatedAt,
    List<String> cancelledFulfillmentIds,
    List<Happened> history)
    implements CborSerializable {

  static final OrderState NONE = new OrderState(null, null, null, null, null, List.of(), null, null, null, Map.of(),
      null, null, null, List.of(), List.of());

  /** Every status has a named transition into it. */
  public enum Status { CREATED, CONTACT_GIVEN, PAYMENT_ADDED, PAYMENT_AUTHORIZED, FULFILLMENT_CREATED, CANCELLED }

  /** One payment of the order as the order knows it. */
  @Schema(name = "Payment", description = "One attempt to pay for the order")
  public record PaymentEntry(
      @Schema(description = "The payment's id") String id,
      @Schema(example = "card") String method,
      @Schema(description = "The order's total when the payment was added") Money amount,
      @Schema(description = "INITIATED: not yet authorized; AUTHORIZED; DECLINED; FAILED; PENDING: the gateway did "
          + "not answer in time, authorize again to learn its outcome; RELEASED: authorized, then given back "
          + "because the order was cancelled") Payment.Status status,
      @Schema(description = "What the gateway said; null before it said anything", nullable = true)
          PaymentView.Outcome outcome,
      Instant createdAt,
      Instant updatedAt)
      implements CborSerializable {}

  // Rules

  /** Whether the order was created: before, it exists only as an id someone asked for. */
  boolean exists() {
    return status != null;
  }

  /** The actions the order accepts now. */
  List<OrderAction> allowed() {
    if (status == null) {
      return List.of();
    }
    return switch (status) {
      case CREATED -> List.of(CONTACT, CANCEL);
      case CONTACT_GIVEN -> List.of(CONTACT, ADD_PAYMENT, CANCEL);
      case PAYMENT_ADDED -> switch (openPayment() == null ? null : openPayment().status()) {
        case null -> List.of(CONTACT, ADD_PAYMENT, CANCEL);
        // The gateway may have reserved the money: only its answer may settle the order.
        case PENDING, AUTHORIZING -> List.of(CONTACT, AUTHORIZE);
        default -> List.of(CONTACT, AUTHORIZE, CANCEL);
      };
      case PAYMENT_AUTHORIZED -> List.of(CONTACT, CREATE_FULFILLMENT);
      case FULFILLMENT_CREATED, CANCELLED -> List.of();
    };
  }

  /**
   * The actions an admin may take now, through the admin API, given where the order's fulfilment
   * stands (null without one): the customer's change of contact and the fulfilment's creation,
   * cancelling also once paid until the parcel is shipped, and the fulfilment's next steps.
   */
  List<OrderAction> allowedToAdmin(Fulfillment.Status fulfillment) {
    if (!exists()) {
      return List.of();
    }
    List<OrderAction> actions = new ArrayList<>();
    List<OrderAction> customers = allowed();
    if (customers.contains(CONTACT)) {
      actions.add(CONTACT);
    }
    if (customers.contains(CREATE_FULFILLMENT)) {
      actions.add(CREATE_FULFILLMENT);
    }
    boolean fulfilling = status == Status.FULFILLMENT_CREATED && fulfillment != null;
    if (fulfilling) {
      switch (fulfillment) {
        case CREATED -> actions.addAll(List.of(PICK, CANCEL_FULFILLMENT));
        case PICKED -> actions.addAll(List.of(SHIP, CANCEL_FULFILLMENT));
        case SHIPPED -> actions.add(DELIVER);
        case DELIVERED, CANCELLED -> { }
      }
    }
    boolean onItsWay = fulfilling && (fulfillment == Fulfillment.Status.SHIPPED
        || fulfillment == Fulfillment.Status.DELIVERED);
    if (refuseAdminCancel() == null && !onItsWay) {
      actions.add(CANCEL);
    }
    return List.copyOf(actions);
  }

  /** The allowed actions by their API names, as a conflict names them. */
  List<String> allowedNames() {
    return allowed().stream().map(OrderAction::apiName).toList();
  }

  /** Why the action may not be taken now, or null when it may. */
  Rejection refuse(OrderAction action) {
    return allowed().contains(action) ? null : conflict(action);
  }

  Rejection conflict(OrderAction action) {
    String allowedNow = allowed().isEmpty() ? "nothing" : String.join(", ", allowedNames());
    return Rejection.conflict(why(action) + " (allowed now: " + allowedNow + ")", status.name(), allowedNames());
  }

  /** A conflict of the step under way with the order as it is now. */
  Rejection conflict(String detail) {
    return Rejection.conflict(detail, status.name(), allowedNames());
  }

  private String why(OrderAction action) {
    PaymentEntry open = openPayment();
    if (action == CREATE) {
      return "The order exists already";
    } else if (action == ADD_PAYMENT && status == Status.CREATED) {
      return "A payment needs the contact information first";
    } else if (open != null && open.status() == Payment.Status.PENDING && action != AUTHORIZE) {
      return "Payment " + open.id() + " waits for the gateway's outcome: authorize it again to learn it";
    } else if (action == ADD_PAYMENT && open != null) {
      return "Payment " + open.id() + " is added and not yet authorized";
    } else if (action == CANCEL_FULFILLMENT && status == Status.PAYMENT_AUTHORIZED) {
      return "The order has no fulfilment to cancel";
    } else if (action == CREATE_FULFILLMENT && fulfillmentId != null) {
      return "The order has fulfilment " + fulfillmentId + " already";
    } else if (action == CANCEL && paid()) {
      return "The payment is authorized: only an admin can cancel the order now";
    }
    return "An order that is " + status + " does not allow " + action.apiName();
  }

  boolean paid() {
    return status == Status.PAYMENT_AUTHORIZED || status == Status.FULFILLMENT_CREATED;
  }

  /**
   * Why an admin may not cancel the order now, or null when they may: the customer's rule before the
   * payment is authorized (a payment waiting for the gateway's outcome must get it first), any time after.
   */
  Rejection refuseAdminCancel() {
    if (status == Status.CANCELLED || (!paid() && refuse(CANCEL) != null)) {
      return conflict(CANCEL);
    }
    return null;
  }

  /**
   * The payment of a cancelled order that may still hold the customer's money, until it is known not
   * to: authorized (to be released), pending (the gateway may have reserved it), or added and maybe sent
   * to the gateway by a request that did not come back.
   */
  PaymentEntry paymentToSettle() {
    return status == Status.CANCELLED ? paymentThatMayHoldMoney() : null;
  }

  PaymentEntry paymentThatMayHoldMoney() {
    return payments.stream().filter(payment -> payment.status() == Payment.Status.AUTHORIZED
        || !payment.status().isDecided()).findFirst().orElse(null);
  }

  /**
   * Why the payment may not be authorized now, or null when it may or is decided already (then the
   * order answers as it is, so that a repeated authorization changes nothing).
   */
  Rejection refuseAuthorization(String paymentId, String idempotencyKey) {
    PaymentEntry payment = payment(paymentId);
    String keyUsedFor = idempotencyKey == null ? null : paymentIdsByKey.get(idempotencyKey);
    if (payment == null) {
      return Rejection.notFound("The order has no payment " + paymentId);
    }
    if (keyUsedFor != null && !keyUsedFor.equals(paymentId)) {
      return conflict("The Idempotency-Key was used to authorize payment " + keyUsedFor + " of this order");
    }
    return payment.status().isDecided() ? null : refuse(AUTHORIZE);
  }

  /** The order's cancellation, and the settlement of a payment that may hold the customer's money. */
  List<Event> cancellation(String by, Instant at) {
    PaymentEntry payment = paymentThatMayHoldMoney();
    return payment == null ? List.of(new OrderCancelled(by, at))
        : List.of(new OrderCancelled(by, at), new PaymentSettlementDue(payment.id(), at));
  }

  /** Why an admin may not cancel the fulfilment now, or null when they may. */
  Rejection refuseFulfillmentCancel() {
    return status == Status.FULFILLMENT_CREATED ? null : conflict(CANCEL_FULFILLMENT);
  }

  /** The id for the order's next fulfilment; orders from before it was chosen at random derive it. */
  String fulfillmentIdToCreate(String orderId) {
    return nextFulfillmentId != null ? nextFulfillmentId : fulfillmentIdOf(orderId);
  }

  PaymentEntry payment(String paymentId) {
    return payments.stream().filter(payment -> payment.id().equals(paymentId)).findFirst().orElse(null);
  }

  /**
   * Whether the cart holds other lines than the payment was fixed for (an admin changed the locked
   * cart): only then is the payment repriced. What the lines cost is fixed with them, discounts
   * included, so a promotion that ends or runs out after the payment was added changes nothing.
   */
  boolean cartChangedSincePayment(Pricing cartPricing) {
    return !cartPricing.lines().equals(pricing.lines());
  }

  /** The payment that is neither decided nor cancelled, if there is one: at most one at a time. */
  PaymentEntry openPayment() {
    return payments.stream().filter(payment -> !payment.status().isDecided()).findFirst().orElse(null);
  }

  /** How fulfilment ids were chosen before they were random: from the order's id. */
  static String fulfillmentIdOf(String orderId) {
    return UUID.nameUUIDFromBytes(("fulfillment:" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The event that records what the payment says now, or null when the order knows it already. */
  static Event outcomeOf(PaymentView payment, String idempotencyKey, Instant at) {
    return switch (payment.status()) {
      case AUTHORIZED -> new PaymentAuthorized(payment.id(), GatewayOutcome.of(payment.outcome()), idempotencyKey, at);
      case DECLINED -> new PaymentDeclined(payment.id(), GatewayOutcome.of(payment.outcome()), idempotencyKey, at);
      case FAILED -> new PaymentFailed(payment.id(), GatewayOutcome.of(payment.outcome()), idempotencyKey, at);
      case PENDING -> new PaymentPending(payment.id(), GatewayOutcome.of(payment.outcome()), idempotencyKey, at);
      case RELEASED -> new PaymentReleased(payment.id(), GatewayOutcome.of(payment.outcome()), idempotencyKey, at);
      case INITIATED, AUTHORIZING -> null;
    };
  }

  // Events

  OrderState apply(Event event) {
    OrderState next = switch (event) {
      case OrderCreated created -> new OrderState(created.cartId(), created.market(), created.currency(),
          Status.CREATED, null, List.of(), null, null, created.fulfillmentId(), Map.of(), null, created.at(),
          created.at(), List.of(), List.of());
      case ContactGiven given -> new OrderState(cartId, market, currency,
          status == Status.CREATED ? Status.CONTACT_GIVEN : status, given.contact().asContact(), payments, pricing,
          fulfillmentId, nextFulfillmentId, paymentIdsByKey, cancelledBy, createdAt, given.at(), cancelledFulfillmentIds,
          history);
      case PaymentAdded added -> {
        List<PaymentEntry> more = new ArrayList<>(payments);
        more.add(new PaymentEntry(added.paymentId(), added.method(), added.amount(), Payment.Status.INITIATED, null,
            added.at(), added.at()));
        yield new OrderState(cartId, market, currency, Status.PAYMENT_ADDED, contact, List.copyOf(more),
            added.pricing().asPricing(), fulfillmentId, nextFulfillmentId, paymentIdsByKey, cancelledBy, createdAt,
            added.at(), cancelledFulfillmentIds, history);
      }
      case PaymentRepriced repriced -> {
        List<PaymentEntry> updated = withPayment(repriced.paymentId(), payment -> new PaymentEntry(payment.id(),
            payment.method(), repriced.amount(), payment.status(), payment.outcome(), payment.createdAt(),
            repriced.at()));
        yield new OrderState(cartId, market, currency, status, contact, updated, repriced.pricing().asPricing(),
            fulfillmentId, nextFulfillmentId, paymentIdsByKey, cancelledBy, createdAt, repriced.at(),
            cancelledFulfillmentIds, history);
      }
      case PaymentOutcome outcome -> withOutcome(outcome);
      case FulfillmentCreated created -> new OrderState(cartId, market, currency, Status.FULFILLMENT_CREATED, contact,
          payments, pricing, created.fulfillmentId(), null, paymentIdsByKey, cancelledBy, createdAt, created.at(),
          cancelledFulfillmentIds, history);
      // Paid and with nothing on its way: the order may be fulfilled again, or cancelled by an admin.
      case FulfillmentCancelled cancelled -> new OrderState(cartId, market, currency, Status.PAYMENT_AUTHORIZED,
          contact, payments, pricing, null, cancelled.nextFulfillmentId(), paymentIdsByKey, cancelledBy, createdAt,
          cancelled.at(), withCancelled(cancelled.fulfillmentId()), history);
      case OrderEditedByAdmin edited -> this;
      case PaymentSettlementDue due -> this;
      case OrderCancelled cancelled -> new OrderState(cartId, market, currency, Status.CANCELLED, contact, payments,
          pricing, fulfillmentId, nextFulfillmentId, paymentIdsByKey, cancelled.by(), createdAt, cancelled.at(),
          cancelledFulfillmentIds, history);
    };
    return next.withHistory(Happened.append(history, happened(event)));
  }

  /**
   * How the order's timeline shows the event: named for what happened, with who did it where it says,
   * and what it was about.
   */
  private static Happened happened(Event event) {
    return switch (event) {
      case OrderCreated created -> new Happened(created.at(), "OrderCreated", null);
      case ContactGiven given -> new Happened(given.at(), "ContactGiven", null, given.contact().email());
      case PaymentAdded added ->
          new Happened(added.at(), "PaymentAdded", null, added.amount().inWords() + " by " + added.method());
      case PaymentRepriced repriced ->
          new Happened(repriced.at(), "PaymentRepriced", null, "now " + repriced.amount().inWords());
      case PaymentAuthorized authorized ->
          new Happened(authorized.at(), "PaymentAuthorized", null, said(authorized.outcome()));
      case PaymentDeclined declined -> new Happened(declined.at(), "PaymentDeclined", null, said(declined.outcome()));
      case PaymentFailed failed -> new Happened(failed.at(), "PaymentFailed", null, said(failed.outcome()));
      case PaymentPending pending -> new Happened(pending.at(), "PaymentPending", null, said(pending.outcome()));
      case PaymentReleased released ->
          new Happened(released.at(), "PaymentReleased", null, said(released.outcome()));
      case FulfillmentCreated created -> new Happened(created.at(), "FulfillmentCreated", null);
      case FulfillmentCancelled cancelled -> new Happened(cancelled.at(), "FulfillmentCancelled", cancelled.by());
      case OrderEditedByAdmin edited -> new Happened(edited.at(), "OrderEditedByAdmin", edited.admin(), edited.action());
      case PaymentSettlementDue due -> new Happened(due.at(), "PaymentSettlementDue", null);
      case OrderCancelled cancelled -> new Happened(cancelled.at(), "OrderCancelled", cancelled.by());
    };
  }

  /** What the gateway said, as a timeline's detail: its message, and an authorization's code. */
  private static String said(GatewayOutcome outcome) {
    if (outcome == null) {
      return null;
    }
    return outcome.authorizationCode() == null ? outcome.message()
        : outcome.message() + ", code " + outcome.authorizationCode();
  }

  private List<String> withCancelled(String cancelledFulfillmentId) {
    List<String> cancelled = new ArrayList<>(cancelledFulfillmentIds);
    cancelled.add(cancelledFulfillmentId);
    return List.copyOf(cancelled);
  }

  private OrderState withHistory(List<Happened> newHistory) {
    return new OrderState(cartId, market, currency, status, contact, payments, pricing, fulfillmentId,
        nextFulfillmentId, paymentIdsByKey, cancelledBy, createdAt, updatedAt, cancelledFulfillmentIds, newHistory);
  }

  private OrderState withOutcome(PaymentOutcome outcome) {
    Payment.Status paymentStatus = switch (outcome) {
      case PaymentAuthorized authorized -> Payment.Status.AUTHORIZED;
      case PaymentDeclined declined -> Payment.Status.DECLINED;
      case PaymentFailed failed -> Payment.Status.FAILED;
      case PaymentPending pending -> Payment.Status.PENDING;
      case PaymentReleased released -> Payment.Status.RELEASED;
    };
    List<PaymentEntry> updated = withPayment(outcome.paymentId(), payment -> new PaymentEntry(payment.id(),
        payment.method(), payment.amount(), paymentStatus, outcome.outcome().asOutcome(), payment.createdAt(),
        outcome.at()));
    Map<String, String> keys = paymentIdsByKey;
    if (outcome.idempotencyKey() != null) {
      keys = new HashMap<>(paymentIdsByKey);
      keys.putIfAbsent(outcome.idempotencyKey(), outcome.paymentId());
      keys = Map.copyOf(keys);
    }
    Status newStatus = outcome instanceof PaymentAuthorized && status != Status.CANCELLED
        ? Status.PAYMENT_AUTHORIZED : status;
    return new OrderState(cartId, market, currency, newStatus, contact, updated, pricing, fulfillmentId,
        nextFulfillmentId, keys, cancelledBy, createdAt, outcome.at(), cancelledFulfillmentIds, history);
  }

  /** The payments, with the one of this id changed. */
  private List<PaymentEntry> withPayment(String paymentId, UnaryOperator<PaymentEntry> change) {
    return payments.stream().map(payment -> payment.id().equals(paymentId) ? change.apply(payment) : payment).toList();
  }
}
