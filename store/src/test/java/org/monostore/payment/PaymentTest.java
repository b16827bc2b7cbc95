package org.monostore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.payment.Payment.Command;
import org.monostore.payment.Payment.Event;
import org.monostore.payment.Payment.Reply;
import org.monostore.payment.Payment.Status;
import org.monostore.payment.PaymentGateway.Approved;
import org.monostore.payment.PaymentGateway.Authorization;
import org.monostore.payment.PaymentGateway.AuthorizationRequest;
import org.monostore.payment.PaymentGateway.Declined;
import org.monostore.payment.PaymentGateway.Failed;
import org.monostore.platform.Rejection;
import org.monostore.platform.Rejection.Reason;
import org.monostore.shared.Money;

/**
 * The Payment entity, event sourced on the persistence testkit's in-memory journal, with a gateway
 * that answers as each test says. Every command, event, reply and state the testkit sees is also
 * checked to round-trip through the real serialization bindings. The gateway's answer comes back to
 * the entity as a private, local-only message the testkit never sends, so nothing needs exempting.
 *
 * <p>An authorization replies only once the gateway has answered; {@code run(replyTo -> ...)} waits
 * for that reply, and the events it reports are all that were persisted since the command was sent.
 */
class PaymentTest {

  private static final Money AMOUNT = new Money(25_000, "SEK");
  private static final String TOKEN = "tok_test";
  /** Long enough never to be reached while a test holds the gateway's answer back. */
  private static final Duration PATIENT = Duration.ofSeconds(30);
  private static final Duration SHORT = Duration.ofMillis(200);

  private static ActorTestKit actorTestKit;

  private final String paymentId = UUID.randomUUID().toString();
  private final String orderId = UUID.randomUUID().toString();
  private final FakeGateway gateway = new FakeGateway();
  private TestProbe<ClusterSharding.ShardCommand> shard;
  private EventSourcedBehaviorTestKit<Command, Event, PaymentState> payment;

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
  void startPayment() {
    shard = actorTestKit.createTestProbe();
    payment = paymentTimingOutAfter(PATIENT);
  }

  // Initiating

  @Test
  void anInitiatedPaymentIsForItsOrderAndNotYetSentToTheGateway() {
    var initiated = run(replyTo -> new Payment.Initiate(orderId, AMOUNT, "card", TOKEN, replyTo));

    PaymentView view = current(initiated);
    assertThat(view.id()).isEqualTo(paymentId);
    assertThat(view.orderId()).isEqualTo(orderId);
    assertThat(view.method()).isEqualTo("card");
    assertThat(view.amount()).isEqualTo(AMOUNT);
    assertThat(view.status()).isEqualTo(Status.INITIATED);
    assertThat(view.outcome()).isNull();
    assertThat(view.createdAt()).isNotNull().isEqualTo(view.updatedAt());
    assertThat(initiated.eventOfType(Payment.PaymentInitiated.class))
        .extracting(Payment.PaymentInitiated::orderId, Payment.PaymentInitiated::amount,
            Payment.PaymentInitiated::method, Payment.PaymentInitiated::token)
        .containsExactly(orderId, AMOUNT, "card", TOKEN);
    assertThat(gateway.requests).isEmpty();

    var got = run(Payment.Get::new);
    assertThat(current(got)).isEqualTo(view);
    assertThat(got.hasNoEvents()).isTrue();
  }

  @Test
  void initiatingAgainForTheSameOrderAnswersThePaymentAsItIs() {
    initiate();
    gateway.answer(new Approved("AUTH-000001"));
    PaymentView authorized = current(run(Payment.Authorize::new));

    var again = run(replyTo -> new Payment.Initiate(orderId, new Money(1, "SEK"), "card", "tok_other", replyTo));

    assertThat(current(again)).as("a retry does not undo the authorization").isEqualTo(authorized);
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(payment.getState().token()).isEqualTo(TOKEN);
  }

  @Test
  void initiatingForAnotherOrderIsAConflict() {
    initiate();

    var other = run(replyTo -> new Payment.Initiate(UUID.randomUUID().toString(), AMOUNT, "card", TOKEN, replyTo));

    Rejection rejection = rejection(other);
    assertThat(rejection.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(rejection.currentStatus()).isEqualTo("INITIATED");
    assertThat(other.hasNoEvents()).isTrue();
    assertThat(payment.getState().orderId()).isEqualTo(orderId);
  }

  static Stream<Named<Function<ActorRef<Reply>, Command>>> commandsOtherThanInitiate() {
    return Stream.of(Named.of("Get", Payment.Get::new), Named.of("Authorize", Payment.Authorize::new));
  }

  @ParameterizedTest
  @MethodSource("commandsOtherThanInitiate")
  void aPaymentNotYetInitiatedAnswersNotFoundAndPassivates(Function<ActorRef<Reply>, Command> command) {
    var result = run(command);

    assertThat(rejection(result).reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(rejection(result).detail()).contains(paymentId);
    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.state()).isEqualTo(PaymentState.NONE);
    shard.expectMessageClass(ClusterSharding.Passivate.class);
    assertThat(gateway.requests).isEmpty();
  }

  // Authorizing

  @Test
  void theGatewayIsAskedForTheAmountAndCardUnderThePaymentsIdAsKey() {
    initiate();
    gateway.answer(new Approved("AUTH-000001"));

    run(Payment.Authorize::new);

    assertThat(gateway.requests).containsExactly(new AuthorizationRequest(paymentId, AMOUNT, "card", TOKEN));
  }

  static Stream<Arguments> decisions() {
    return Stream.of(
        Arguments.of(new Approved("AUTH-000001"), Status.AUTHORIZED,
            new PaymentView.Outcome("approved", "Approved", "AUTH-000001"), Payment.PaymentAuthorized.class),
        Arguments.of(new Declined("insufficient_funds", "The card has insufficient funds"), Status.DECLINED,
            new PaymentView.Outcome("insufficient_funds", "The card has insufficient funds", null),
            Payment.PaymentDeclined.class),
        Arguments.of(new Failed("gateway_error", "The gateway failed"), Status.FAILED,
            new PaymentView.Outcome("gateway_error", "The gateway failed", null), Payment.AuthorizationFailed.class));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("decisions")
  void theGatewaysDecisionIsRecordedWithWhatItSaid(
      Authorization decision, Status status, PaymentView.Outcome outcome, Class<? extends Event> recorded) {
    initiate();
    gateway.answer(decision);

    var decided = run(Payment.Authorize::new);

    assertThat(current(decided).status()).isEqualTo(status);
    assertThat(current(decided).outcome()).isEqualTo(outcome);
    assertThat(decided.events()).extracting(Object::getClass)
        .containsExactly(Payment.AuthorizationRequested.class, recorded);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("decisions")
  void authorizingADecidedPaymentAnswersTheRecordedOutcomeWithoutAskingTheGateway(
      Authorization decision, Status status, PaymentView.Outcome outcome, Class<? extends Event> recorded) {
    initiate();
    gateway.answer(decision);
    PaymentView decided = current(run(Payment.Authorize::new));
    gateway.answer(new Approved("AUTH-999999"));

    var again = run(Payment.Authorize::new);

    assertThat(decided.status()).isEqualTo(status);
    assertThat(decided.outcome()).isEqualTo(outcome);
    assertThat(current(again)).isEqualTo(decided);
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(gateway.requests).hasSize(1);
  }

  @Test
  void twoAuthorizationsWhileTheGatewayThinksAskItOnceAndBothGetItsAnswer() {
    initiate();
    CompletableFuture<Authorization> answer = new CompletableFuture<>();
    gateway.answerWith(request -> answer);
    TestProbe<Reply> first = actorTestKit.createTestProbe();
    TestProbe<Reply> second = actorTestKit.createTestProbe();

    payment.runCommand(new Payment.Authorize(first.ref()));
    payment.runCommand(new Payment.Authorize(second.ref()));
    assertThat(payment.getState().status()).isEqualTo(Status.AUTHORIZING);
    answer.complete(new Approved("AUTH-000001"));

    PaymentView firstAnswer = first.expectMessageClass(Payment.Current.class).payment();
    PaymentView secondAnswer = second.expectMessageClass(Payment.Current.class).payment();
    assertThat(firstAnswer.status()).isEqualTo(Status.AUTHORIZED);
    assertThat(secondAnswer).isEqualTo(firstAnswer);
    assertThat(gateway.requests).hasSize(1);
    assertThat(payment.persistenceTestKit().persistedInStorage(persistenceId()))
        .extracting(Object::getClass)
        .containsExactly(Payment.PaymentInitiated.class, Payment.AuthorizationRequested.class,
            Payment.PaymentAuthorized.class);
  }

  // When the gateway does not answer

  @Test
  void aGatewaySilentPastTheTimeoutLeavesThePaymentPending() {
    payment = paymentTimingOutAfter(SHORT);
    initiate();
    gateway.answerWith(request -> new CompletableFuture<>());

    var timedOut = run(Payment.Authorize::new);

    PaymentView view = current(timedOut);
    assertThat(view.status()).isEqualTo(Status.PENDING);
    assertThat(view.outcome().code()).isEqualTo("timeout");
    assertThat(view.outcome().message()).contains("200 ms");
    assertThat(view.outcome().authorizationCode()).isNull();
    assertThat(timedOut.events()).extracting(Object::getClass)
        .containsExactly(Payment.AuthorizationRequested.class, Payment.AuthorizationUnanswered.class);
  }

  @Test
  void aGatewayThatCannotBeReachedLeavesThePaymentPendingRatherThanFailed() {
    // The request may have reached the gateway before the connection broke: only asking again tells.
    initiate();
    gateway.answerWith(request -> CompletableFuture.failedFuture(new IOException("connection reset")));

    var unreachable = run(Payment.Authorize::new);

    assertThat(current(unreachable).status()).isEqualTo(Status.PENDING);
    assertThat(current(unreachable).outcome().code()).isEqualTo("unreachable");
    assertThat(current(unreachable).outcome().message()).contains("could not be reached");
  }

  @Test
  void authorizingAPendingPaymentAsksTheGatewayAgainUnderTheSameKeyAndRecordsItsAnswer() {
    payment = paymentTimingOutAfter(SHORT);
    initiate();
    gateway.answerWith(request -> new CompletableFuture<>());
    assertThat(current(run(Payment.Authorize::new)).status()).isEqualTo(Status.PENDING);
    gateway.answer(new Approved("AUTH-000001"));

    var again = run(Payment.Authorize::new);

    assertThat(current(again).status()).isEqualTo(Status.AUTHORIZED);
    assertThat(current(again).outcome().authorizationCode()).isEqualTo("AUTH-000001");
    assertThat(again.events()).as("no second request is recorded, only the answer")
        .extracting(Object::getClass).containsExactly(Payment.PaymentAuthorized.class);
    assertThat(gateway.requests).hasSize(2).extracting(AuthorizationRequest::key).containsOnly(paymentId);
    assertThat(gateway.requests.get(1)).isEqualTo(gateway.requests.get(0));
  }

  @Test
  void aPendingPaymentMayTimeOutAgainAndStaysPending() {
    payment = paymentTimingOutAfter(SHORT);
    initiate();
    gateway.answerWith(request -> new CompletableFuture<>());
    run(Payment.Authorize::new);

    var again = run(Payment.Authorize::new);

    assertThat(current(again).status()).isEqualTo(Status.PENDING);
    assertThat(again.events()).extracting(Object::getClass).containsExactly(Payment.AuthorizationUnanswered.class);
    assertThat(gateway.requests).hasSize(2);
  }

  @Test
  void theTimeoutDoesNotSpoilAnAnswerTheGatewaySharesBetweenRequestsUnderOneKey() {
    // An idempotent adapter may well keep one future per key and hand it to every request under that
    // key; the payment's timeout must not complete that future, or the gateway's late answer is lost
    // and every later authorization times out at once.
    payment = paymentTimingOutAfter(SHORT);
    initiate();
    CompletableFuture<Authorization> oneAnswerPerKey = new CompletableFuture<>();
    gateway.answerWith(request -> oneAnswerPerKey);
    assertThat(current(run(Payment.Authorize::new)).status()).isEqualTo(Status.PENDING);

    oneAnswerPerKey.complete(new Approved("AUTH-000001"));
    var again = run(Payment.Authorize::new);

    assertThat(current(again).status()).isEqualTo(Status.AUTHORIZED);
    assertThat(current(again).outcome().authorizationCode()).isEqualTo("AUTH-000001");
  }

  // Recovery

  @Test
  void aRestartedPaymentRecoversItsOutcomeAndDoesNotAskAgain() {
    initiate();
    gateway.answer(new Declined("expired_card", "The card has expired"));
    run(Payment.Authorize::new);
    PaymentState before = payment.getState();

    assertThat(payment.restart().state()).isEqualTo(before);
    var again = run(Payment.Authorize::new);

    assertThat(current(again).status()).isEqualTo(Status.DECLINED);
    assertThat(gateway.requests).hasSize(1);
  }

  @Test
  void aPaymentRestartedWhileAuthorizingAsksTheGatewayAgainUnderTheSameKey() {
    initiate();
    gateway.answerWith(request -> new CompletableFuture<>());
    payment.runCommand(new Payment.Authorize(actorTestKit.<Reply>createTestProbe().ref()));

    assertThat(payment.restart().state().status()).isEqualTo(Status.AUTHORIZING);
    gateway.answer(new Approved("AUTH-000001"));
    var afterRestart = run(Payment.Authorize::new);

    assertThat(current(afterRestart).status()).isEqualTo(Status.AUTHORIZED);
    assertThat(gateway.requests).hasSize(2).extracting(AuthorizationRequest::key).containsOnly(paymentId);
  }

  // Releasing

  @Test
  void anAuthorizedPaymentIsReleasedOnceUnderItsKeyAndAuthorizationCode() {
    initiate();
    gateway.answer(new Approved("AUTH-000001"));
    run(Payment.Authorize::new);

    var released = run(Payment.Release::new);

    assertThat(current(released).status()).isEqualTo(Status.RELEASED);
    assertThat(current(released).outcome().authorizationCode()).isEqualTo("AUTH-000001");
    assertThat(released.eventOfType(Payment.AuthorizationReleased.class)).isNotNull();
    assertThat(gateway.releases).singleElement()
        .isEqualTo(new PaymentGateway.ReleaseRequest(paymentId, "AUTH-000001", AMOUNT));

    var again = run(Payment.Release::new);
    assertThat(current(again).status()).isEqualTo(Status.RELEASED);
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(gateway.releases).hasSize(1);
  }

  @Test
  void releasingAPaymentNeverSentToTheGatewayVoidsItSoItNeverWillBe() {
    initiate();

    var voided = run(Payment.Release::new);

    assertThat(current(voided).status()).isEqualTo(Status.FAILED);
    assertThat(current(voided).outcome().code()).isEqualTo("cancelled");
    gateway.answer(new Approved("AUTH-000001"));
    assertThat(current(run(Payment.Authorize::new)).status()).isEqualTo(Status.FAILED);
    assertThat(gateway.requests).isEmpty();
    assertThat(gateway.releases).isEmpty();
  }

  @Test
  void releasingADeclinedPaymentAnswersItAsItIsWithNothingToGiveBack() {
    initiate();
    gateway.answer(new Declined("expired_card", "The card has expired"));
    run(Payment.Authorize::new);

    var declined = run(Payment.Release::new);

    assertThat(current(declined).status()).isEqualTo(Status.DECLINED);
    assertThat(declined.hasNoEvents()).isTrue();
    assertThat(gateway.releases).isEmpty();
  }

  @Test
  void releasingAPendingPaymentAsksTheGatewayForItsOutcomeFirst() {
    payment = paymentTimingOutAfter(SHORT);
    initiate();
    gateway.answerWith(request -> new CompletableFuture<>());
    run(Payment.Authorize::new);
    gateway.answer(new Approved("AUTH-000001"));

    var notYet = run(Payment.Release::new);

    assertThat(rejection(notYet).reason()).isEqualTo(Rejection.Reason.UNAVAILABLE);
    assertThat(gateway.releases).isEmpty();
    assertThat(gateway.requests).hasSize(2).extracting(AuthorizationRequest::key).containsOnly(paymentId);
    await().atMost(PATIENT).until(() ->
        current(run(Payment.Get::new)).status() == Status.AUTHORIZED);
    assertThat(current(run(Payment.Release::new)).status()).isEqualTo(Status.RELEASED);
  }

  @Test
  void aReleaseTheGatewayRefusesLeavesThePaymentAuthorizedToBeReleasedLater() {
    initiate();
    gateway.answer(new Approved("AUTH-000001"));
    run(Payment.Authorize::new);
    gateway.releaseWith(new PaymentGateway.ReleaseFailed("gateway_error", "Try again later"));

    var refused = run(Payment.Release::new);
    assertThat(rejection(refused).reason()).isEqualTo(Rejection.Reason.UNAVAILABLE);
    assertThat(refused.hasNoEvents()).isTrue();
    assertThat(refused.state().status()).isEqualTo(Status.AUTHORIZED);

    gateway.releaseWith(new PaymentGateway.Released());
    assertThat(current(run(Payment.Release::new)).status()).isEqualTo(Status.RELEASED);
    assertThat(gateway.releases).hasSize(2);
  }

  // Helpers

  /** The test's stand-in for the gateway: it records every request and answers as the test says. */
  private static final class FakeGateway implements PaymentGateway {

    final List<AuthorizationRequest> requests = new CopyOnWriteArrayList<>();
    final List<PaymentGateway.ReleaseRequest> releases = new CopyOnWriteArrayList<>();
    private volatile PaymentGateway.Release release = new PaymentGateway.Released();
    private volatile Function<AuthorizationRequest, CompletionStage<Authorization>> answers =
        request -> new CompletableFuture<>();

    @Override
    public CompletionStage<Authorization> authorize(AuthorizationRequest request) {
      requests.add(request);
      return answers.apply(request);
    }

    @Override
    public CompletionStage<Release> release(ReleaseRequest request) {
      releases.add(request);
      return CompletableFuture.completedFuture(release);
    }

    void releaseWith(PaymentGateway.Release answer) {
      this.release = answer;
    }

    void answer(Authorization authorization) {
      answerWith(request -> CompletableFuture.completedFuture(authorization));
    }

    void answerWith(Function<AuthorizationRequest, CompletionStage<Authorization>> answers) {
      this.answers = answers;
    }
  }

  private EventSourcedBehaviorTestKit<Command, Event, PaymentState> paymentTimingOutAfter(Duration gatewayTimeout) {
    return EventSourcedBehaviorTestKit.create(
        actorTestKit.system(), Payment.create(paymentId, shard.ref(), gateway, gatewayTimeout));
  }

  private CommandResultWithReply<Command, Event, PaymentState, Reply> run(Function<ActorRef<Reply>, Command> command) {
    return payment.runCommand(command);
  }

  private void initiate() {
    current(run(replyTo -> new Payment.Initiate(orderId, AMOUNT, "card", TOKEN, replyTo)));
  }

  private String persistenceId() {
    return PersistenceId.of(Payment.ENTITY_KEY.name(), paymentId).id();
  }

  private static PaymentView current(CommandResultWithReply<Command, Event, PaymentState, Reply> result) {
    return result.replyOfType(Payment.Current.class).payment();
  }

  private static Rejection rejection(CommandResultWithReply<Command, Event, PaymentState, Reply> result) {
    return result.replyOfType(Payment.Rejected.class).rejection();
  }
}
