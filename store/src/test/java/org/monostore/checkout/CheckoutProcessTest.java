package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.cart.Cart;
import org.monostore.cart.CartView;
import org.monostore.checkout.PurchaseOrder.Command;
import org.monostore.checkout.PurchaseOrder.Event;
import org.monostore.checkout.PurchaseOrder.Reply;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.payment.PaymentView;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.pricing.VatRates;
import org.monostore.promotion.Redemption;
import org.monostore.shared.Address;
import org.monostore.shared.Money;
import org.monostore.stock.Stock;

/**
 * The checkout process of one order, event sourced on the persistence testkit's journal, with a cart
 * and a payment whose answers each test gives (or holds back): one step at a time, and a silent entity
 * is reported as one that may have done what it was asked.
 */
class CheckoutProcessTest {

  private static final Contact ANNA = new Contact("anna@example.com", "Anna", null,
      new Address("Storgatan 1", null, "Stockholm", "111 51", "SE"), null);
  private static final Pricing PRICING = Pricing.calculate("SE", "SEK",
      List.of(new Pricing.Item("MUG-000001", "Mug", "Kitchen", 2, 12_500)), List.of(), new VatRates("SE:25", ""));
  private static final Duration PATIENT = Duration.ofSeconds(5);

  private static ActorTestKit actorTestKit;

  private final String orderId = UUID.randomUUID().toString();
  private final String cartId = UUID.randomUUID().toString();
  private final HeldAnswers others = new HeldAnswers();
  private EventSourcedBehaviorTestKit<Command, Event, OrderState> order;

  @BeforeAll
  static void startActorSystem() {
    actorTestKit = ActorTestKit.create(
        EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.parseResources("pekko/serialization.conf")));
  }

  @AfterAll
  static void stopActorSystem() {
    actorTestKit.shutdownTestKit();
  }

  @BeforeEach
  void startOrder() {
    TestProbe<ClusterSharding.ShardCommand> shard = actorTestKit.createTestProbe();
    order = EventSourcedBehaviorTestKit.create(actorTestKit.system(),
        PurchaseOrder.create(orderId, shard.ref(), others));
  }

  @Test
  void aCartThatDoesNotAnswerInTimeLeavesNoOrderAndSaysItMayHaveActed() {
    others.cart = CompletableFuture.failedFuture(new TimeoutException("no answer"));

    Reply reply = send(replyTo -> new PurchaseOrder.Create(cartId, replyTo));

    assertThat(reply).isInstanceOf(PurchaseOrder.Rejected.class);
    Rejection rejection = ((PurchaseOrder.Rejected) reply).rejection();
    assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNANSWERED);
    assertThat(rejection.detail()).isEqualTo("The cart did not answer in time");
    assertThat(order.getState().exists()).isFalse();
  }

  @Test
  void aRequestDuringAStepWaitsAndIsDecidedOnTheOrderAsTheStepLeftIt() {
    createWithContact();
    CompletableFuture<Cart.Reply> lock = new CompletableFuture<>();
    others.cart = lock;
    TestProbe<Reply> adding = actorTestKit.createTestProbe();
    TestProbe<Reply> secondAdding = actorTestKit.createTestProbe();

    order.runCommand(new PurchaseOrder.AddPayment("pay-1", "card", "tok_approve", adding.ref()));
    order.runCommand(new PurchaseOrder.AddPayment("pay-2", "card", "tok_approve", secondAdding.ref()));
    secondAdding.expectNoMessage(Duration.ofMillis(200));
    others.payment = CompletableFuture.completedFuture(new Payment.Current(payment("pay-1")));
    lock.complete(new Cart.Current(cart(Cart.Status.LOCKED)));

    OrderState added = adding.expectMessageClass(PurchaseOrder.Current.class, PATIENT).order();
    assertThat(added.status()).isEqualTo(OrderState.Status.PAYMENT_ADDED);
    Rejection refused = secondAdding.expectMessageClass(PurchaseOrder.Rejected.class, PATIENT).rejection();
    assertThat(refused.reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(refused.detail()).startsWith("Payment pay-1 is added and not yet authorized");
    assertThat(order.getState().payments()).extracting(OrderState.PaymentEntry::id).containsExactly("pay-1");
  }

  @Test
  void anOrderIsAnsweredAtOnceEvenWhileAStepWaits() {
    createWithContact();
    others.cart = new CompletableFuture<>();
    order.runCommand(new PurchaseOrder.AddPayment("pay-1", "card", "tok_approve",
        actorTestKit.<Reply>createTestProbe().ref()));

    Reply reply = send(PurchaseOrder.Get::new);

    assertThat(((PurchaseOrder.Current) reply).order().status()).isEqualTo(OrderState.Status.CONTACT_GIVEN);
  }

  private void createWithContact() {
    others.cart = CompletableFuture.completedFuture(new Cart.Current(cart(Cart.Status.OPEN)));
    send(replyTo -> new PurchaseOrder.Create(cartId, replyTo));
    send(replyTo -> new PurchaseOrder.GiveContact(ANNA, replyTo));
  }

  private Reply send(Function<ActorRef<Reply>, Command> command) {
    TestProbe<Reply> probe = actorTestKit.createTestProbe();
    order.runCommand(command.apply(probe.ref()));
    return probe.expectMessageClass(Reply.class, PATIENT);
  }

  private CartView cart(Cart.Status status) {
    Instant now = Instant.now();
    return new CartView(cartId, "SE", status, "SEK", List.of(), PRICING.total(), PRICING,
        status == Cart.Status.OPEN ? null : orderId, now, now, CartView.Promotions.NONE, List.of(), List.of());
  }

  private PaymentView payment(String paymentId) {
    Instant now = Instant.now();
    return new PaymentView(paymentId, orderId, "card", PRICING.total(), Payment.Status.INITIATED, null, now, now);
  }

  /** The cart and the payment, answering with whatever the test put in place, when the test says. */
  private static final class HeldAnswers implements PurchaseOrder.Collaborators {

    volatile CompletionStage<Cart.Reply> cart = new CompletableFuture<>();
    volatile CompletionStage<Payment.Reply> payment = new CompletableFuture<>();

    @Override
    public CompletionStage<Cart.Reply> askCart(String cartId, Function<ActorRef<Cart.Reply>, Cart.Command> command) {
      return cart;
    }

    @Override
    public CompletionStage<Payment.Reply> initiatePayment(
        String paymentId, String orderId, Money amount, String method, String token) {
      return payment;
    }

    @Override
    public CompletionStage<Payment.Reply> authorizePayment(String paymentId) {
      return payment;
    }

    @Override
    public CompletionStage<Payment.Reply> changePaymentAmount(String paymentId, Money amount) {
      return payment;
    }

    @Override
    public CompletionStage<Payment.Reply> releasePayment(String paymentId) {
      return payment;
    }

    @Override
    public CompletionStage<Fulfillment.Reply> createFulfillment(
        String fulfillmentId, String orderId, List<Fulfillment.Item> items, Contact contact) {
      return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<Fulfillment.Reply> cancelFulfillment(String fulfillmentId, String admin) {
      return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<Optional<Rejection>> reservePromotionUses(
        String orderId, String email, List<Redemption> taken) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public void keepPromotionUses(String orderId, List<Redemption> taken) {}

    @Override
    public void giveBackPromotionUses(String orderId, List<Redemption> taken) {}

    @Override
    public CompletionStage<Optional<Rejection>> reserveStock(
        String orderId, List<Pricing.PricedLine> lines, Instant until) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public void holdStock(String orderId, List<Pricing.PricedLine> lines) {}

    @Override
    public void releaseStock(String orderId, List<String> skus, Stock.Why why) {}

    @Override
    public Instant stockHeldUntil() {
      return Instant.now().plusSeconds(900);
    }

    @Override
    public boolean fulfilAutomatically() {
      return false;
    }
  }
}
