package org.monostore.payment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityType;
import org.monostore.shared.Happened;
import org.monostore.shared.Money;
import org.springframework.stereotype.Component;

/** The payments of the cluster, by id: starts the Payment entities on this node (at start-up) and asks them. */
@Component
public class Payments implements EntityType {

  private final ClusterSharding sharding;
  private final ActorSystem<?> system;
  private final PaymentGateway gateway;
  private final Duration gatewayTimeout;
  private final Duration askTimeout;
  private final Duration authorizationTimeout;

  Payments(
      ClusterSharding sharding,
      ActorSystem<?> system,
      Asks asks,
      PaymentGateway gateway,
      PaymentSettings settings) {
    this.sharding = sharding;
    this.system = system;
    this.gateway = gateway;
    this.gatewayTimeout = settings.gatewayTimeout();
    this.askTimeout = asks.timeout();
    this.authorizationTimeout = gatewayTimeout.plus(askTimeout);
  }

  @Override
  public void start() {
    Payment.init(sharding, gateway, gatewayTimeout);
  }

  /** Creates the payment with this id, or answers it as it is if it exists for the same order. */
  public CompletionStage<Payment.Reply> initiate(
      String paymentId, String orderId, Money amount, String method, String token) {
    return ask(paymentId, replyTo -> new Payment.Initiate(orderId, amount, method, token, replyTo), askTimeout);
  }

  /** Authorizes the payment, or answers its recorded outcome; waits for the gateway if need be. */
  public CompletionStage<Payment.Reply> authorize(String paymentId) {
    return ask(paymentId, Payment.Authorize::new, authorizationTimeout);
  }

  /** Makes a payment not yet sent to the gateway one for this amount. */
  public CompletionStage<Payment.Reply> changeAmount(String paymentId, Money amount) {
    return ask(paymentId, replyTo -> new Payment.ChangeAmount(amount, replyTo), askTimeout);
  }

  /** Gives back what the payment's authorization reserved, or answers that it was given back already. */
  public CompletionStage<Payment.Reply> release(String paymentId) {
    return ask(paymentId, Payment.Release::new, authorizationTimeout);
  }

  public CompletionStage<Payment.Reply> get(String paymentId) {
    return ask(paymentId, Payment.Get::new, askTimeout);
  }

  /** What happened to the payment, oldest first. */
  public CompletionStage<List<Happened>> history(String paymentId) {
    return AskPattern.ask(sharding.entityRefFor(Payment.ENTITY_KEY, paymentId), Payment.GetHistory::new, askTimeout,
        system.scheduler()).thenApply(Payment.History::entries);
  }

  /** The longest an authorization can take: the gateway's timeout and the entity's answer. */
  public Duration authorizationTimeout() {
    return authorizationTimeout;
  }

  private CompletionStage<Payment.Reply> ask(
      String paymentId, Function<ActorRef<Payment.Reply>, Payment.Command> command, Duration timeout) {
    return AskPattern.ask(sharding.entityRefFor(Payment.ENTITY_KEY, paymentId), command::apply, timeout,
        system.scheduler());
  }
}
