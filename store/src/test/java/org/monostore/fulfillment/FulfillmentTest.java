package org.monostore.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.fulfillment.Fulfillment.Command;
import org.monostore.fulfillment.Fulfillment.Event;
import org.monostore.fulfillment.Fulfillment.Item;
import org.monostore.fulfillment.Fulfillment.Reply;
import org.monostore.fulfillment.Fulfillment.Status;
import org.monostore.platform.Rejection;
import org.monostore.platform.Rejection.Reason;
import org.monostore.shared.Address;

/**
 * The Fulfillment entity, event sourced on the persistence testkit's in-memory journal. Every command,
 * event, reply and state is also checked to round-trip through the real serialization bindings.
 */
class FulfillmentTest {

  private static final List<Item> ITEMS = List.of(new Item("BOOK-000001", "A book", 2), new Item("MUG-000001", "Mug", 1));
  private static final Address HOME = new Address("Storgatan 1", "lgh 1102", "Stockholm", "111 51", "SE");
  private static final String TRACKING = "JJD000390007727";

  /** What each status allows, as the API promises it, written out here rather than taken from the code. */
  private static final Map<Status, List<String>> ALLOWED = Map.of(
      Status.CREATED, List.of("pick", "cancel"),
      Status.PICKED, List.of("ship", "cancel"),
      Status.SHIPPED, List.of("deliver"),
      Status.DELIVERED, List.of(),
      Status.CANCELLED, List.of());

  private static ActorTestKit actorTestKit;

  private final String fulfillmentId = UUID.randomUUID().toString();
  private final String orderId = UUID.randomUUID().toString();
  private TestProbe<ClusterSharding.ShardCommand> shard;
  private EventSourcedBehaviorTestKit<Command, Event, FulfillmentState> fulfillment;

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
  void startFulfillment() {
    shard = actorTestKit.createTestProbe();
    fulfillment = EventSourcedBehaviorTestKit.create(actorTestKit.system(), Fulfillment.create(fulfillmentId, shard.ref(), (orderId, items) -> {}));
  }

  // Creating

  @Test
  void aCreatedFulfilmentHoldsTheOrdersItemsAndAddress() {
    var created = run(replyTo -> new Fulfillment.Create(orderId, ITEMS, HOME, replyTo));

    FulfillmentView view = current(created);
    assertThat(view.id()).isEqualTo(fulfillmentId);
    assertThat(view.orderId()).isEqualTo(orderId);
    assertThat(view.status()).isEqualTo(Status.CREATED);
    assertThat(view.items()).isEqualTo(ITEMS);
    assertThat(view.shippingAddress()).isEqualTo(HOME);
    assertThat(view.trackingNumber()).isNull();
    assertThat(view.createdAt()).isNotNull().isEqualTo(view.updatedAt());
    assertThat(created.eventOfType(Fulfillment.FulfillmentCreated.class))
        .extracting(Fulfillment.FulfillmentCreated::orderId, Fulfillment.FulfillmentCreated::items,
            Fulfillment.FulfillmentCreated::shippingAddress)
        .containsExactly(orderId, ITEMS.stream().map(PackedItem::of).toList(), HOME);

    var got = run(Fulfillment.Get::new);
    assertThat(current(got)).isEqualTo(view);
    assertThat(got.hasNoEvents()).isTrue();
  }

  @Test
  void theCreatedFulfilmentKeepsItsOwnCopyOfTheItems() {
    List<Item> items = new ArrayList<>(ITEMS);
    run(replyTo -> new Fulfillment.Create(orderId, items, HOME, replyTo));

    items.clear();

    assertThat(fulfillment.getState().items()).isEqualTo(ITEMS);
  }

  @Test
  void aFulfilmentWithoutItemsOrAddressIsInvalidAndNotCreated() {
    var withoutItems = run(replyTo -> new Fulfillment.Create(orderId, List.of(), HOME, replyTo));
    var withoutAddress = run(replyTo -> new Fulfillment.Create(orderId, ITEMS, null, replyTo));

    assertInvalid(rejection(withoutItems), "items");
    assertInvalid(rejection(withoutAddress), "shippingAddress");
    assertThat(withoutItems.hasNoEvents()).isTrue();
    assertThat(withoutAddress.hasNoEvents()).isTrue();
    assertThat(fulfillment.getState()).isEqualTo(FulfillmentState.NONE);
  }

  @Test
  void theSameOrderCreatingAgainGetsTheFulfilmentAsItIs() {
    create();
    pick();

    var again = run(replyTo -> new Fulfillment.Create(orderId, ITEMS, HOME, replyTo));

    assertThat(again.hasNoEvents()).isTrue();
    assertThat(current(again).status()).as("a retry does not undo the picking").isEqualTo(Status.PICKED);
    assertThat(current(again).orderId()).isEqualTo(orderId);
  }

  @Test
  void anotherOrderCreatingTheSameFulfilmentIsAConflict() {
    create();

    var other = run(replyTo -> new Fulfillment.Create(UUID.randomUUID().toString(), ITEMS, HOME, replyTo));

    Rejection rejection = rejection(other);
    assertThat(rejection.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(rejection.currentStatus()).isEqualTo("CREATED");
    assertThat(rejection.detail()).doesNotContain(orderId);
    assertThat(other.hasNoEvents()).isTrue();
    assertThat(fulfillment.getState().orderId()).isEqualTo(orderId);
  }

  static Stream<Named<Function<ActorRef<Reply>, Command>>> commandsOtherThanCreate() {
    return Stream.of(
        Named.of("Get", Fulfillment.Get::new),
        Named.of("Pick", Fulfillment.Pick::new),
        Named.of("Ship", replyTo -> new Fulfillment.Ship(TRACKING, replyTo)),
        Named.of("Deliver", Fulfillment.Deliver::new),
        Named.of("Cancel", Fulfillment.Cancel::new));
  }

  @ParameterizedTest
  @MethodSource("commandsOtherThanCreate")
  void aFulfilmentNotYetCreatedAnswersNotFoundAndPassivates(Function<ActorRef<Reply>, Command> command) {
    var result = run(command);

    assertThat(rejection(result).reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.state()).isEqualTo(FulfillmentState.NONE);
    shard.expectMessageClass(ClusterSharding.Passivate.class);
  }

  // The way to the door

  @Test
  void aFulfilmentIsPickedShippedWithItsTrackingNumberAndDelivered() {
    create();

    var picked = run(Fulfillment.Pick::new);
    assertThat(current(picked).status()).isEqualTo(Status.PICKED);
    assertThat(picked.events()).singleElement().isInstanceOf(Fulfillment.ItemsPicked.class);

    var shipped = run(replyTo -> new Fulfillment.Ship(" " + TRACKING + " ", replyTo));
    assertThat(current(shipped).status()).isEqualTo(Status.SHIPPED);
    assertThat(current(shipped).trackingNumber()).isEqualTo(TRACKING);
    assertThat(shipped.eventOfType(Fulfillment.ParcelShipped.class).trackingNumber()).isEqualTo(TRACKING);

    var delivered = run(Fulfillment.Deliver::new);
    FulfillmentView view = current(delivered);
    assertThat(view.status()).isEqualTo(Status.DELIVERED);
    assertThat(view.trackingNumber()).isEqualTo(TRACKING);
    assertThat(view.items()).isEqualTo(ITEMS);
    assertThat(view.updatedAt()).isAfterOrEqualTo(view.createdAt());
    assertThat(delivered.events()).singleElement().isInstanceOf(Fulfillment.ParcelDelivered.class);
  }

  @ParameterizedTest
  @EnumSource(value = Status.class, names = {"CREATED", "PICKED"})
  void aFulfilmentNotYetShippedCanBeCancelled(Status status) {
    create();
    bringTo(status);

    var cancelled = run(Fulfillment.Cancel::new);

    assertThat(current(cancelled).status()).isEqualTo(Status.CANCELLED);
    assertThat(cancelled.events()).singleElement().isInstanceOf(Fulfillment.FulfillmentCancelled.class);
  }

  /** Every step that its status does not allow, from every status. */
  static Stream<Arguments> illegalSteps() {
    return Stream.of(Status.values()).flatMap(status -> Stream.of("pick", "ship", "deliver", "cancel")
        .filter(step -> !ALLOWED.get(status).contains(step))
        .map(step -> Arguments.of(status, step)));
  }

  @ParameterizedTest(name = "{1} when {0}")
  @MethodSource("illegalSteps")
  void aStepItsStatusDoesNotAllowIsAConflictNamingWhatIsAllowed(Status status, String step) {
    create();
    bringTo(status);
    FulfillmentState before = fulfillment.getState();

    var refused = run(command(step));

    Rejection rejection = rejection(refused);
    assertThat(rejection.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(rejection.currentStatus()).isEqualTo(status.name());
    assertThat(rejection.allowed()).containsExactlyElementsOf(ALLOWED.get(status));
    assertThat(refused.hasNoEvents()).isTrue();
    assertThat(fulfillment.getState()).isEqualTo(before);
  }

  @Test
  void aBadTrackingNumberIsInvalidAndShipsNothing() {
    create();
    pick();

    var blank = run(replyTo -> new Fulfillment.Ship("   ", replyTo));
    var missing = run(replyTo -> new Fulfillment.Ship(null, replyTo));

    assertInvalid(rejection(blank), "trackingNumber");
    assertInvalid(rejection(missing), "trackingNumber");
    assertThat(blank.hasNoEvents()).isTrue();
    assertThat(missing.hasNoEvents()).isTrue();
    assertThat(fulfillment.getState().status()).isEqualTo(Status.PICKED);
  }

  // Recovery

  @Test
  void aRestartedFulfilmentRecoversTheSameState() {
    create();
    bringTo(Status.SHIPPED);
    FulfillmentState before = fulfillment.getState();

    FulfillmentState recovered = fulfillment.restart().state();

    assertThat(recovered).isEqualTo(before);
    assertThat(current(run(Fulfillment.Get::new)).trackingNumber()).isEqualTo(TRACKING);
  }

  // Helpers

  private CommandResultWithReply<Command, Event, FulfillmentState, Reply> run(Function<ActorRef<Reply>, Command> command) {
    return fulfillment.runCommand(command);
  }

  private void create() {
    current(run(replyTo -> new Fulfillment.Create(orderId, ITEMS, HOME, replyTo)));
  }

  private void pick() {
    current(run(Fulfillment.Pick::new));
  }

  /** Takes a created fulfilment the shortest way to the status. */
  private void bringTo(Status status) {
    List<String> way = switch (status) {
      case CREATED -> List.of();
      case PICKED -> List.of("pick");
      case SHIPPED -> List.of("pick", "ship");
      case DELIVERED -> List.of("pick", "ship", "deliver");
      case CANCELLED -> List.of("cancel");
    };
    way.forEach(step -> current(run(command(step))));
    assertThat(fulfillment.getState().status()).isEqualTo(status);
  }

  private static Function<ActorRef<Reply>, Command> command(String step) {
    return switch (step) {
      case "pick" -> Fulfillment.Pick::new;
      case "ship" -> replyTo -> new Fulfillment.Ship(TRACKING, replyTo);
      case "deliver" -> Fulfillment.Deliver::new;
      case "cancel" -> Fulfillment.Cancel::new;
      default -> throw new IllegalArgumentException(step);
    };
  }

  private static FulfillmentView current(CommandResultWithReply<Command, Event, FulfillmentState, Reply> result) {
    return result.replyOfType(Fulfillment.Current.class).fulfillment();
  }

  private static Rejection rejection(CommandResultWithReply<Command, Event, FulfillmentState, Reply> result) {
    return result.replyOfType(Fulfillment.Rejected.class).rejection();
  }

  private static void assertInvalid(Rejection rejection, String field) {
    assertThat(rejection.reason()).isEqualTo(Reason.INVALID);
    assertThat(rejection.field()).isEqualTo(field);
  }
}
