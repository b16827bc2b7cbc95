package org.monostore.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.cart.Cart;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.fulfillment.Fulfillments;
import org.monostore.payment.Payment;
import org.monostore.payment.Payments;
import org.monostore.platform.Asks;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.promotion.Promotions;
import org.monostore.promotion.Redemption;
import org.monostore.shared.Money;
import org.monostore.stock.Stock;
import org.monostore.stock.Stocks;
import org.springframework.stereotype.Component;

/** What the PurchaseOrder entities ask of the carts, payments, fulfilments, promotions and stock: never blocking. */
@Component
class OrderCollaborators implements PurchaseOrder.Collaborators {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final Payments payments;
  private final Fulfillments fulfillments;
  private final Promotions promotions;
  private final Stocks stocks;
  private final boolean fulfilAutomatically;

  OrderCollaborators(
      ClusterSharding sharding,
      Asks asks,
      Payments payments,
      Fulfillments fulfillments,
      Promotions promotions,
      Stocks stocks,
      CheckoutSettings settings) {
    this.stocks = stocks;
    this.promotions = promotions;
    this.sharding = sharding;
    this.asks = asks;
    this.payments = payments;
    this.fulfillments = fulfillments;
    this.fulfilAutomatically = settings.fulfilAutomatically();
  }

  @Override
  public CompletionStage<Cart.Reply> askCart(String cartId, Function<ActorRef<Cart.Reply>, Cart.Command> command) {
    return asks.askLater(sharding.entityRefFor(Cart.ENTITY_KEY, cartId), command);
  }

  @Override
  public CompletionStage<Payment.Reply> initiatePayment(
      String paymentId, String orderId, Money amount, String method, String token) {
    return payments.initiate(paymentId, orderId, amount, method, token);
  }

  @Override
  public CompletionStage<Payment.Reply> authorizePayment(String paymentId) {
    return payments.authorize(paymentId);
  }

  @Override
  public CompletionStage<Payment.Reply> changePaymentAmount(String paymentId, Money amount) {
    return payments.changeAmount(paymentId, amount);
  }

  @Override
  public CompletionStage<Payment.Reply> releasePayment(String paymentId) {
    return payments.release(paymentId);
  }

  @Override
  public CompletionStage<Fulfillment.Reply> createFulfillment(
      String fulfillmentId, String orderId, List<Fulfillment.Item> items, Contact contact) {
    return fulfillments.create(fulfillmentId, orderId, items, contact.shippingAddress());
  }

  @Override
  public CompletionStage<Fulfillment.Reply> cancelFulfillment(String fulfillmentId, String admin) {
    return fulfillments.cancel(fulfillmentId, admin);
  }

  @Override
  public CompletionStage<Optional<Rejection>> reservePromotionUses(
      String orderId, String email, List<Redemption> taken) {
    return promotions.reserveUses(orderId, email, taken);
  }

  @Override
  public void keepPromotionUses(String orderId, List<Redemption> taken) {
    promotions.keepUses(orderId, taken);
  }

  @Override
  public void giveBackPromotionUses(String orderId, List<Redemption> taken) {
    promotions.giveBackUses(orderId, taken);
  }

  @Override
  public CompletionStage<Optional<Rejection>> reserveStock(
      String orderId, List<Pricing.PricedLine> lines, Instant until) {
    return stocks.reserve(orderId, lines(lines), until);
  }

  private static List<Stocks.Line> lines(List<Pricing.PricedLine> lines) {
    return lines.stream().map(line -> new Stocks.Line(line.sku(), line.quantity())).toList();
  }

  @Override
  public void holdStock(String orderId, List<Pricing.PricedLine> lines) {
    stocks.hold(orderId, lines(lines));
  }

  @Override
  public void releaseStock(String orderId, List<String> skus, Stock.Why why) {
    stocks.release(orderId, skus, why);
  }

  @Override
  public Instant stockHeldUntil() {
    return stocks.holdUntil();
  }

  @Override
  public boolean fulfilAutomatically() {
    return fulfilAutomatically;
  }
}
