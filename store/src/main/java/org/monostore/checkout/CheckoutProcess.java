package org.monostore.checkout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.monostore.cart.Cart;
import org.monostore.cart.CartView;
import org.monostore.checkout.PurchaseOrder.AddPayment;
import org.monostore.checkout.PurchaseOrder.AuthorizePayment;
import org.monostore.checkout.PurchaseOrder.CancelFulfillment;
import org.monostore.checkout.PurchaseOrder.Collaborators;
import org.monostore.checkout.PurchaseOrder.Command;
import org.monostore.checkout.PurchaseOrder.Create;
import org.monostore.checkout.PurchaseOrder.CreateFulfillment;
import org.monostore.checkout.PurchaseOrder.Current;
import org.monostore.checkout.PurchaseOrder.Event;
import org.monostore.checkout.PurchaseOrder.FulfillmentCancelled;
import org.monostore.checkout.PurchaseOrder.FulfillmentCreated;
import org.monostore.checkout.PurchaseOrder.OrderCreated;
import org.monostore.checkout.PurchaseOrder.PaymentAdded;
import org.monostore.checkout.PurchaseOrder.PaymentAuthorized;
import org.monostore.checkout.PurchaseOrder.PaymentDeclined;
import org.monostore.checkout.PurchaseOrder.PaymentFailed;
import org.monostore.checkout.PurchaseOrder.PaymentReleased;
import org.monostore.checkout.PurchaseOrder.PaymentRepriced;
import org.monostore.checkout.PurchaseOrder.Rejected;
import org.monostore.checkout.PurchaseOrder.Reply;
import org.monostore.checkout.PurchaseOrder.SettlePayment;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.payment.PaymentView;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.promotion.Redemption;
import org.monostore.shared.Money;
import org.monostore.stock.Stock;

/**
 * The checkout of one order as it moves through its cart, its payment and its fulfilment: each step
 * asks another entity, and the order's next event depends on the answer. One step runs at a time:
 * while it waits, later requests wait in the stash, and each is then decided against the order as the
 * step left it. What the order allows is not decided here but in {@link OrderState}.
 */
final class CheckoutProcess extends OneStepAtATime {

  // What a step hears when the entity it asked is silent: that entity may have done what it was asked.
  private static final Cart.Reply CART_SILENT =
      new Cart.Rejected(Rejection.unanswered("The cart did not answer in time"));
  private static final Fulfillment.Reply FULFILLMENT_SILENT =
      new Fulfillment.Rejected(Rejection.unanswered("The fulfilment did not answer in time"));
  private static final Payment.Reply PAYMENT_SILENT =
      new Payment.Rejected(Rejection.unanswered("The payment did not answer in time; authorize it again"));

  /** Another entity's answer to a step, sent by the order to itself. */
  sealed interface StepAnswer extends Command {}

  private final String orderId;
  private final Collaborators collaborators;

  CheckoutProcess(
      String orderId, ActorContext<Command> context, ActorRef<ClusterSharding.ShardCommand> shard,
      Collaborators collaborators, EffectFactories<Event, OrderState> effects) {
    super(context, shard, effects);
    this.orderId = orderId;
    this.collaborators = collaborators;
  }

  Effect<Event, OrderState> onAnswer(OrderState state, StepAnswer answer) {
    return switch (answer) {
      case CartFound found -> onCartFound(found);
      case CartReadForPayment read -> onCartReadForPayment(read);
      case GoodsReserved reserved -> onGoodsReserved(state, reserved);
      case CartLocked locked -> onCartLocked(state, locked);
      case Reserved reserved -> onReserved(state, reserved);
      case ReservationRefused refused -> failed(refused.replyTo(), refused.refusal());
      case PaymentInitiated initiated -> onPaymentInitiated(initiated);
      case CartHeld held -> onCartHeld(state, held);
      case StockHeld held -> onStockHeld(state, held);
      case PaymentAmountChanged changed -> onRepriced(changed);
      case AuthorizationAnswered answered -> onAuthorization(answered);
      case Noted noted -> answered(noted.replyTo(), noted.reply());
      case FulfillmentAnswered answered -> onFulfillmentCreated(answered);
      case CartReleased released -> onCartReleased(state, released);
      case FulfillmentStopped stopped -> onFulfillmentStopped(state, stopped);
      case FulfillmentWithdrawn withdrawn -> onFulfillmentWithdrawn(state, withdrawn);
      case ReleaseAnswered answered -> onSettlement(state, answered);
    };
  }

  // Creating the order: its cart must be there and open

  private record CartFound(Create create, Cart.Reply reply) implements StepAnswer {}

  Effect<Event, OrderState> create(Create create) {
    return step(collaborators.askCart(create.cartId(), Cart.Get::new), CART_SILENT, reply -> new CartFound(create, reply));
  }

  private Effect<Event, OrderState> onCartFound(CartFound found) {
    ActorRef<Reply> replyTo = found.create().replyTo();
    return switch (found.reply()) {
      case Cart.Current(CartView cart) when cart.status() == Cart.Status.OPEN -> done(effects.persist(
          new OrderCreated(cart.id(), cart.market(), cart.currency(), UUID.randomUUID().toString(), Instant.now())),
          replyTo);
      case Cart.Current(CartView cart) ->
          failed(replyTo, Rejection.conflict("The cart is " + cart.status() + " by order " + cart.orderId(),
              cart.status().name()));
      case Cart.Rejected(Rejection rejection) when rejection.reason() == Rejection.Reason.NOT_FOUND ->
          failed(replyTo, Rejection.invalid("cartId", "There is no cart " + found.create().cartId()));
      case Cart.Rejected(Rejection rejection) -> failed(replyTo, rejection);
    };
  }

  // Adding a payment: the stock reserves each line's units of the cart as it reads now, then the cart
  // is locked, which fixes its lines (reserved again if they changed in between), and the promotions
  // that priced it reserve the order's uses; then the payment is for what the cart holds. A shortage is
  // found before the cart is locked, so in a drop a refused shopper costs no write; a refusal after the
  // lock unlocks the cart again. Either way nothing stays reserved.

  private record CartReadForPayment(AddPayment add, Cart.Reply reply) implements StepAnswer {}

  private record GoodsReserved(AddPayment add, Map<String, Integer> lines, Optional<Rejection> refusal)
      implements StepAnswer {}

  /** {@code reserved}: the lines whose units the stock reserved before the lock; empty when none was. */
  private record CartLocked(AddPayment add, Map<String, Integer> reserved, Cart.Reply reply) implements StepAnswer {}

  private record Reserved(AddPayment add, Pricing pricing, Optional<Rejection> refusal) implements StepAnswer {}

  /** The stock or a promotion's limit refused the order: its cart is unlocked again, and the payment is not added. */
  private record ReservationRefused(ActorRef<Reply> replyTo, Rejection refusal) implements StepAnswer {}

  private record PaymentInitiated(AddPayment add, Pricing pricing, Payment.Reply reply) implements StepAnswer {}

  Effect<Event, OrderState> addPayment(OrderState state, AddPayment add) {
    return step(collaborators.askCart(state.cartId(), Cart.Get::new), CART_SILENT,
        reply -> new CartReadForPayment(add, reply));
  }

  private Effect<Event, OrderState> onCartReadForPayment(CartReadForPayment read) {
    AddPayment add = read.add();
    return switch (read.reply()) {
      // Another order's cart, or checked out: the lock says why not, and nothing is reserved for it.
      case Cart.Current(CartView cart) when cart.status() != Cart.Status.OPEN && !orderId.equals(cart.orderId()) ->
          continueWith(collaborators.askCart(cart.id(), replyTo -> new Cart.Lock(orderId, replyTo)), CART_SILENT,
              reply -> new CartLocked(add, Map.of(), reply));
      case Cart.Current(CartView cart) -> continueWith(
          collaborators.reserveStock(orderId, cart.pricing().lines(), collaborators.stockHeldUntil()),
          Optional.of(Rejection.unanswered("The stock did not answer in time")),
          refusal -> new GoodsReserved(add, quantities(cart.pricing()), refusal));
      case Cart.Rejected(Rejection rejection) -> failed(add.replyTo(), rejection);
    };
  }

  private Effect<Event, OrderState> onGoodsReserved(OrderState state, GoodsReserved reserved) {
    if (reserved.refusal().isPresent()) {
      return failed(reserved.add().replyTo(), reserved.refusal().get());
    }
    return continueWith(collaborators.askCart(state.cartId(), replyTo -> new Cart.Lock(orderId, replyTo)),
        CART_SILENT, reply -> new CartLocked(reserved.add(), reserved.lines(), reply));
  }

  private Effect<Event, OrderState> onCartLocked(OrderState state, CartLocked locked) {
    AddPayment add = locked.add();
    return switch (locked.reply()) {
      case Cart.Current(CartView cart) -> continueWith(reserveForPayment(state, cart.pricing(), locked.reserved()),
          Optional.of(Rejection.unanswered("The stock or a promotion did not answer in time")),
          refusal -> new Reserved(add, cart.pricing(), refusal));
      case Cart.Rejected(Rejection rejection) -> {
        collaborators.releaseStock(orderId, List.copyOf(locked.reserved().keySet()), Stock.Why.CHECKOUT_REFUSED);
        yield failed(add.replyTo(), rejection);
      }
    };
  }

  private static Map<String, Integer> quantities(Pricing pricing) {
    Map<String, Integer> quantities = new LinkedHashMap<>();
    pricing.lines().forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
    return quantities;
  }

  /**
   * The promotions' uses the locked cart's pricing takes, and its goods again if its lines are not the
   * ones reserved before the lock (the shopper changed the cart in between), at once; after a refusal
   * neither stays so.
   */
  private CompletionStage<Optional<Rejection>> reserveForPayment(
      OrderState state, Pricing pricing, Map<String, Integer> reserved) {
    List<Redemption> taken = redemptions(pricing);
    Map<String, Integer> lines = quantities(pricing);
    if (!lines.equals(reserved)) {
      List<String> gone = reserved.keySet().stream().filter(sku -> !lines.containsKey(sku)).toList();
      collaborators.releaseStock(orderId, gone, Stock.Why.CHECKOUT_REFUSED);
    }
    CompletionStage<Optional<Rejection>> goods = lines.equals(reserved)
        ? CompletableFuture.completedFuture(Optional.empty())
        : collaborators.reserveStock(orderId, pricing.lines(), collaborators.stockHeldUntil());
    CompletionStage<Optional<Rejection>> uses = taken.isEmpty()
        ? CompletableFuture.completedFuture(Optional.empty())
        : collaborators.reservePromotionUses(orderId, state.contact().email(), taken);
    return goods.thenCombine(uses, (goodsRefused, usesRefused) -> {
      if (goodsRefused.isPresent() && usesRefused.isEmpty()) {
        collaborators.giveBackPromotionUses(orderId, taken);
      }
      if (usesRefused.isPresent() && goodsRefused.isEmpty()) {
        collaborators.releaseStock(orderId, skus(pricing), Stock.Why.CHECKOUT_REFUSED);
      }
      return goodsRefused.or(() -> usesRefused);
    });
  }

  private Effect<Event, OrderState> onReserved(OrderState state, Reserved reserved) {
    if (reserved.refusal().isEmpty()) {
      return initiatePayment(reserved.add(), reserved.pricing());
    }
    Rejection refusal = reserved.refusal().get();
    return continueWith(collaborators.askCart(state.cartId(), cart -> new Cart.Unlock(orderId, cart)),
        CART_SILENT, reply -> new ReservationRefused(reserved.add().replyTo(), refusal));
  }

  private Effect<Event, OrderState> initiatePayment(AddPayment add, Pricing pricing) {
    return continueWith(
        collaborators.initiatePayment(add.paymentId(), orderId, pricing.total(), add.method(), add.token()),
        new Payment.Rejected(Rejection.unanswered("The payment did not answer in time")),
        reply -> new PaymentInitiated(add, pricing, reply));
  }

  private Effect<Event, OrderState> onPaymentInitiated(PaymentInitiated initiated) {
    return switch (initiated.reply()) {
      case Payment.Current(PaymentView payment) -> done(effects.persist(new PaymentAdded(payment.id(),
          payment.method(), payment.amount(), FixedPricing.of(initiated.pricing()), Instant.now())),
          initiated.add().replyTo());
      case Payment.Rejected(Rejection rejection) -> {
        collaborators.giveBackPromotionUses(orderId, redemptions(initiated.pricing()));
        collaborators.releaseStock(orderId, skus(initiated.pricing()), Stock.Why.NOT_PAID);
        yield failed(initiated.add().replyTo(), rejection);
      }
    };
  }

  /** What the order takes of each promotion that priced it: the code entered for it, and what it took off. */
  static List<Redemption> redemptions(Pricing pricing) {
    Map<String, Redemption> taken = new LinkedHashMap<>();
    for (Pricing.DiscountLine discount : pricing.discounts()) {
      if (discount.promotionId() != null) {
        String code = discount.code().equals(discount.promotionId()) ? null : discount.code();
        taken.merge(discount.promotionId(), new Redemption(discount.promotionId(), code, discount.amount().amount()),
            (one, more) -> new Redemption(one.promotionId(), one.code(), one.amount() + more.amount()));
      }
    }
    return List.copyOf(taken.values());
  }

  private static List<String> skus(Pricing pricing) {
    return pricing.lines().stream().map(Pricing.PricedLine::sku).toList();
  }

  // Authorizing: the cart is held unchanged while the payment is at the gateway, and what it holds
  // then is what is paid, its units reserved until the parcel ships; an admin's change of the locked
  // cart before that reprices the payment first

  private record CartHeld(AuthorizePayment authorize, Cart.Reply reply) implements StepAnswer {}

  private record StockHeld(AuthorizePayment authorize, Optional<Rejection> refusal) implements StepAnswer {}

  private record PaymentAmountChanged(AuthorizePayment authorize, Pricing pricing, Payment.Reply reply)
      implements StepAnswer {}

  private record AuthorizationAnswered(AuthorizePayment authorize, Payment.Reply reply) implements StepAnswer {}

  /** Another entity took note of what the step did; the request is then answered as prepared. */
  private record Noted(ActorRef<Reply> replyTo, Reply reply) implements StepAnswer {}

  /** The payment is one the order has and may authorize: the rules were applied before. */
  Effect<Event, OrderState> authorize(OrderState.PaymentEntry payment, OrderState state, AuthorizePayment authorize) {
    if (payment.status() == Payment.Status.INITIATED) {
      return step(collaborators.askCart(state.cartId(), cart -> new Cart.HoldForAuthorization(orderId, cart)),
          CART_SILENT, reply -> new CartHeld(authorize, reply));
    }
    return step(collaborators.authorizePayment(payment.id()), PAYMENT_SILENT,
        reply -> new AuthorizationAnswered(authorize, reply));
  }

  private Effect<Event, OrderState> onCartHeld(OrderState state, CartHeld held) {
    AuthorizePayment authorize = held.authorize();
    return switch (held.reply()) {
      case Cart.Current(CartView cart) when cart.lines().isEmpty() -> endHold(state, authorize.replyTo(),
          new Rejected(state.conflict("The cart holds nothing to pay for or ship: cancel the order")));
      // The reservation may have run out since the payment was added: then the units are taken again,
      // if they are still there, before the customer is charged for them; for a while, so that an
      // authorization cut short by a crash holds them no longer than a payment left unpaid would.
      case Cart.Current(CartView cart) when !state.cartChangedSincePayment(cart.pricing()) ->
          continueWith(collaborators.reserveStock(orderId, cart.pricing().lines(), collaborators.stockHeldUntil()),
              Optional.of(Rejection.unanswered("The stock did not answer in time")),
              refusal -> new StockHeld(authorize, refusal));
      case Cart.Current(CartView cart) ->
          continueWith(collaborators.changePaymentAmount(authorize.paymentId(), cart.pricing().total()),
              PAYMENT_SILENT, reply -> new PaymentAmountChanged(authorize, cart.pricing(), reply));
      case Cart.Rejected(Rejection rejection) -> failed(authorize.replyTo(), rejection);
    };
  }

  private Effect<Event, OrderState> onStockHeld(OrderState state, StockHeld held) {
    AuthorizePayment authorize = held.authorize();
    if (held.refusal().isPresent()) {
      return endHold(state, authorize.replyTo(), new Rejected(held.refusal().get()));
    }
    return continueWith(collaborators.authorizePayment(authorize.paymentId()), PAYMENT_SILENT,
        reply -> new AuthorizationAnswered(authorize, reply));
  }

  /**
   * The payment is for the cart's new contents now, and the cart's hold ends until the customer, who
   * learns what they pay, authorizes again.
   */
  private Effect<Event, OrderState> onRepriced(PaymentAmountChanged changed) {
    if (!(changed.reply() instanceof Payment.Current(PaymentView payment))) {
      return failed(changed.authorize().replyTo(), ((Payment.Rejected) changed.reply()).rejection());
    }
    Money total = payment.amount();
    return effects
        .persist(new PaymentRepriced(payment.id(), total, FixedPricing.of(changed.pricing()), Instant.now()))
        .thenRun((OrderState repriced) -> askToEndHold(repriced, changed.authorize().replyTo(),
            new Rejected(repriced.conflict("The shop changed the cart after payment " + payment.id()
                + " was added: the total is now " + total.inWords() + ". Authorize again to pay it"))));
  }

  private Effect<Event, OrderState> onAuthorization(AuthorizationAnswered answered) {
    AuthorizePayment authorize = answered.authorize();
    if (!(answered.reply() instanceof Payment.Current(PaymentView payment))) {
      return failed(authorize.replyTo(), ((Payment.Rejected) answered.reply()).rejection());
    }
    Event outcome = OrderState.outcomeOf(payment, authorize.idempotencyKey(), Instant.now());
    context.getLog().info("Payment {} of order {} is {}", payment.id(), orderId, payment.status());
    if (outcome == null) {
      return done(effects.none(), authorize.replyTo());
    }
    if (outcome instanceof PaymentDeclined || outcome instanceof PaymentFailed) {
      // Nothing is reserved: the cart may change again as a locked cart may, until the next payment,
      // which reserves the goods and the promotions' uses again.
      return effects.persist(outcome).thenRun((OrderState unpaid) -> {
        collaborators.giveBackPromotionUses(orderId, promotionsOf(unpaid));
        collaborators.releaseStock(orderId, skusOf(unpaid), Stock.Why.NOT_PAID);
        askToEndHold(unpaid, authorize.replyTo(), new Current(unpaid));
      });
    }
    if (!(outcome instanceof PaymentAuthorized)) {
      // Pending: the gateway may have reserved the cart's total, so the cart and the goods stay held.
      return done(effects.persist(outcome).thenRun((OrderState pending) -> holdStock(pending)), authorize.replyTo());
    }
    return effects.persist(outcome).thenRun((OrderState authorized) -> {
      authorize.replyTo().tell(new Current(authorized));
      holdStock(authorized);
      collaborators.keepPromotionUses(orderId, promotionsOf(authorized));
      collaborators.askCart(authorized.cartId(), replyTo -> new Cart.CheckOut(orderId, replyTo));
      if (collaborators.fulfilAutomatically()) {
        createFulfillment(authorized, new CreateFulfillment(context.getSystem().ignoreRef()));
      } else {
        stepDone();
      }
    }).thenUnstashAll();
  }

  /** The order's goods are held until the parcel ships: told, not waited for (if lost, the stock asks the order). */
  private void holdStock(OrderState state) {
    collaborators.holdStock(orderId, state.pricing().lines());
  }

  /** Ends the cart's hold for the authorization, then answers as prepared. */
  private Effect<Event, OrderState> endHold(OrderState state, ActorRef<Reply> replyTo, Reply reply) {
    askToEndHold(state, replyTo, reply);
    return effects.none();
  }

  private void askToEndHold(OrderState state, ActorRef<Reply> replyTo, Reply reply) {
    context.pipeToSelf(collaborators.askCart(state.cartId(), cart -> new Cart.EndAuthorizationHold(orderId, cart)),
        (answer, failure) -> {
          if (failure != null || answer instanceof Cart.Rejected) {
            // The next authorization holds the cart again anyway; meanwhile an admin cannot change it.
            context.getLog().warn("Order {}: its cart did not end the hold for the authorization: {}", orderId,
                failure != null ? failure.toString() : answer);
          }
          return new Noted(replyTo, reply);
        });
  }

  // Fulfilment: what the fixed pricing holds goes to the contact's shipping address

  private record FulfillmentAnswered(CreateFulfillment create, Fulfillment.Reply reply) implements StepAnswer {}

  Effect<Event, OrderState> createFulfillment(OrderState state, CreateFulfillment create) {
    List<Fulfillment.Item> items = state.pricing().lines().stream()
        .map(line -> new Fulfillment.Item(line.sku(), line.name(), line.quantity()))
        .toList();
    return step(collaborators.createFulfillment(state.fulfillmentIdToCreate(orderId), orderId, items, state.contact()),
        FULFILLMENT_SILENT, reply -> new FulfillmentAnswered(create, reply));
  }

  private Effect<Event, OrderState> onFulfillmentCreated(FulfillmentAnswered answered) {
    return switch (answered.reply()) {
      case Fulfillment.Current(var fulfillment) ->
          done(effects.persist(new FulfillmentCreated(fulfillment.id(), Instant.now())), answered.create().replyTo());
      case Fulfillment.Rejected(Rejection rejection) -> failed(answered.create().replyTo(), rejection);
    };
  }

  // Cancelling: the cart is unlocked before payment; after it, the fulfilment must stop first

  private record CartReleased(String by, ActorRef<Reply> replyTo, Cart.Reply reply) implements StepAnswer {}

  private record FulfillmentStopped(String by, ActorRef<Reply> replyTo, Fulfillment.Reply reply)
      implements StepAnswer {}

  private record FulfillmentWithdrawn(CancelFulfillment cancel, Fulfillment.Reply reply) implements StepAnswer {}

  /** Cancels an order before it is paid: its cart is unlocked first. */
  Effect<Event, OrderState> releaseCartAndCancel(OrderState state, String by, ActorRef<Reply> replyTo) {
    return step(collaborators.askCart(state.cartId(), cart -> new Cart.Unlock(orderId, cart)), CART_SILENT,
        reply -> new CartReleased(by, replyTo, reply));
  }

  /** Cancels a paid order with a fulfilment: the fulfilment is cancelled first, unless it has shipped. */
  Effect<Event, OrderState> stopFulfillmentAndCancel(OrderState state, String admin, ActorRef<Reply> replyTo) {
    return step(collaborators.cancelFulfillment(state.fulfillmentId(), admin), FULFILLMENT_SILENT,
        reply -> new FulfillmentStopped(admin, replyTo, reply));
  }

  /** A paid order's cart is checked out for good and stays so: the order is cancelled at once. */
  Effect<Event, OrderState> cancelPaid(OrderState state, String admin, ActorRef<Reply> replyTo) {
    return effects.persist(state.cancellation(admin, Instant.now())).thenRun(this::cancelled)
        .thenReply(replyTo, Current::new);
  }

  Effect<Event, OrderState> cancelFulfillment(OrderState state, CancelFulfillment cancel) {
    return step(collaborators.cancelFulfillment(state.fulfillmentId(), cancel.admin()), FULFILLMENT_SILENT,
        reply -> new FulfillmentWithdrawn(cancel, reply));
  }

  private Effect<Event, OrderState> onCartReleased(OrderState state, CartReleased released) {
    return switch (released.reply()) {
      case Cart.Rejected(Rejection rejection) when rejection.isTemporary() ->
          failed(released.replyTo(), rejection);
      // Open again, or never locked by this order: either way the order may go.
      case Cart.Reply reply -> done(effects.persist(state.cancellation(released.by(), Instant.now()))
          .thenRun(this::cancelled), released.replyTo());
    };
  }

  private Effect<Event, OrderState> onFulfillmentStopped(OrderState state, FulfillmentStopped stopped) {
    return switch (stopped.reply()) {
      case Fulfillment.Reply reply when isCancelled(reply) -> done(effects.persist(state.cancellation(stopped.by(),
          Instant.now())).thenRun(this::cancelled), stopped.replyTo());
      case Fulfillment.Current current -> failed(stopped.replyTo(), notCancelled(state, current));
      case Fulfillment.Rejected(Rejection rejection) -> failed(stopped.replyTo(), rejection);
    };
  }

  private Effect<Event, OrderState> onFulfillmentWithdrawn(OrderState state, FulfillmentWithdrawn withdrawn) {
    CancelFulfillment cancel = withdrawn.cancel();
    return switch (withdrawn.reply()) {
      case Fulfillment.Reply reply when isCancelled(reply) -> done(effects.persist(new FulfillmentCancelled(
          state.fulfillmentId(), cancel.admin(), UUID.randomUUID().toString(), Instant.now())), cancel.replyTo());
      case Fulfillment.Current current -> failed(cancel.replyTo(), notCancelled(state, current));
      case Fulfillment.Rejected(Rejection rejection) -> failed(cancel.replyTo(), rejection);
    };
  }

  private static Rejection notCancelled(OrderState state, Fulfillment.Current current) {
    return Rejection.conflict("The fulfilment is " + current.fulfillment().status() + " and was not cancelled",
        state.status().name());
  }

  /** Whether the fulfilment's answer says it is cancelled, by this request or by one before it. */
  private static boolean isCancelled(Fulfillment.Reply reply) {
    return switch (reply) {
      case Fulfillment.Current(var fulfillment) -> fulfillment.status() == Fulfillment.Status.CANCELLED;
      case Fulfillment.Rejected(Rejection rejection) ->
          Fulfillment.Status.CANCELLED.name().equals(rejection.currentStatus());
    };
  }

  // Settling a payment that may hold the customer's money: not a step, nothing waits for it

  /** The payment's answer to a release; null when it gave none in time. */
  private record ReleaseAnswered(String paymentId, Payment.Reply reply) implements StepAnswer {}

  /** A cancelled order gives its promotions' uses and its goods back, and its payment is settled. */
  private void cancelled(OrderState state) {
    collaborators.giveBackPromotionUses(orderId, promotionsOf(state));
    collaborators.releaseStock(orderId, skusOf(state), Stock.Why.CANCELLED);
    settleNow(state);
  }

  private static List<Redemption> promotionsOf(OrderState state) {
    return state.pricing() == null ? List.of() : redemptions(state.pricing());
  }

  private static List<String> skusOf(OrderState state) {
    return state.pricing() == null ? List.of() : skus(state.pricing());
  }

  void settleNow(OrderState state) {
    if (state.paymentToSettle() != null) {
      context.getSelf().tell(new SettlePayment());
    }
  }

  /**
   * A cancelled order's payment is released (the payment voids one never sent to the gateway); a
   * pending payment's outcome is asked for again. What is still open after this is retried by the
   * reminders, not by the order, so that it survives the order going to sleep or its node stopping.
   */
  Effect<Event, OrderState> settle(OrderState state) {
    OrderState.PaymentEntry cancelledWith = state.paymentToSettle();
    if (cancelledWith != null) {
      context.pipeToSelf(collaborators.releasePayment(cancelledWith.id()),
          (reply, failure) -> new ReleaseAnswered(cancelledWith.id(), failure == null ? reply : null));
      return effects.none();
    }
    OrderState.PaymentEntry open = state.openPayment();
    if (open != null && open.status() == Payment.Status.PENDING) {
      return authorize(open, state, new AuthorizePayment(open.id(), null, context.getSystem().ignoreRef()));
    }
    return effects.none();
  }

  private Effect<Event, OrderState> onSettlement(OrderState state, ReleaseAnswered answered) {
    OrderState.PaymentEntry payment = state.paymentToSettle();
    if (payment == null || !payment.id().equals(answered.paymentId())) {
      return effects.none();
    }
    if (answered.reply() instanceof Payment.Current(PaymentView settled)) {
      Instant now = Instant.now();
      Event outcome = switch (settled.status()) {
        case RELEASED -> new PaymentReleased(settled.id(), GatewayOutcome.of(settled.outcome()), null, now);
        case DECLINED -> new PaymentDeclined(settled.id(), GatewayOutcome.of(settled.outcome()), null, now);
        case FAILED -> new PaymentFailed(settled.id(), GatewayOutcome.of(settled.outcome()), null, now);
        case INITIATED, AUTHORIZING, AUTHORIZED, PENDING -> null;
      };
      if (outcome != null) {
        return effects.persist(outcome);
      }
    }
    context.getLog().warn("Payment {} of cancelled order {} may still hold money ({}); a reminder settles it later",
        answered.paymentId(), orderId, answered.reply());
    return effects.none();
  }
}
