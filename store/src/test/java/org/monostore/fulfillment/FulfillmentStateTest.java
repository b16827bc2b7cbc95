package org.monostore.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.monostore.fulfillment.Fulfillment.Cancel;
import org.monostore.fulfillment.Fulfillment.Create;
import org.monostore.fulfillment.Fulfillment.Deliver;
import org.monostore.fulfillment.Fulfillment.FulfillmentCancelled;
import org.monostore.fulfillment.Fulfillment.FulfillmentCreated;
import org.monostore.fulfillment.Fulfillment.Item;
import org.monostore.fulfillment.Fulfillment.ItemsPicked;
import org.monostore.fulfillment.Fulfillment.ParcelDelivered;
import org.monostore.fulfillment.Fulfillment.ParcelShipped;
import org.monostore.fulfillment.Fulfillment.Pick;
import org.monostore.fulfillment.Fulfillment.Ship;
import org.monostore.fulfillment.Fulfillment.Status;
import org.monostore.fulfillment.Fulfillment.Transition;
import org.monostore.platform.Rejection;
import org.monostore.platform.Rejection.Reason;
import org.monostore.shared.Address;
import org.monostore.shared.Happened;

/** The fulfilment's rules, as pure functions of its state: no actors involved. */
class FulfillmentStateTest {

  private static final Instant CREATED_AT = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant LATER = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant LATEST = Instant.parse("2025-03-02T14:00:00Z");

  private static final List<Item> ITEMS = List.of(new Item("BOOK-000001", "A book", 2), new Item("MUG-000001", "Mug", 1));
  private static final Address HOME = new Address("Storgatan 1", null, "Stockholm", "111 51", "SE");

  private static final FulfillmentState CREATED = FulfillmentState.NONE.apply(new FulfillmentCreated("order-1",
      ITEMS.stream().map(PackedItem::of).toList(), HOME, CREATED_AT));
  private static final FulfillmentState PICKED = CREATED.apply(new ItemsPicked(LATER));
  private static final FulfillmentState SHIPPED = PICKED.apply(new ParcelShipped("JJD000390007727", LATER));
  private static final FulfillmentState DELIVERED = SHIPPED.apply(new ParcelDelivered(LATEST));
  private static final FulfillmentState CANCELLED = CREATED.apply(new FulfillmentCancelled(LATER));

  private static final Pick PICK = new Pick(null);
  private static final Ship SHIP = new Ship("JJD000390007727", null);
  private static final Deliver DELIVER = new Deliver(null);
  private static final Cancel CANCEL = new Cancel(null);

  // Creating

  @Test
  void anOrderWithItemsAndAnAddressMayCreateAFulfilment() {
    assertThat(FulfillmentState.refuse(new Create("order-1", ITEMS, HOME, null))).isNull();
  }

  static Stream<Arguments> incompleteCreations() {
    return Stream.of(
        Arguments.of(new Create(null, ITEMS, HOME, null), "orderId"),
        Arguments.of(new Create(" ", ITEMS, HOME, null), "orderId"),
        Arguments.of(new Create("order-1", null, HOME, null), "items"),
        Arguments.of(new Create("order-1", List.of(), HOME, null), "items"),
        Arguments.of(new Create("order-1", List.of(new Item(null, "Nameless", 1)), HOME, null), "items"),
        Arguments.of(new Create("order-1", List.of(new Item("MUG-000001", "Mug", 0)), HOME, null), "items"),
        Arguments.of(new Create("order-1", ITEMS, null, null), "shippingAddress"));
  }

  @ParameterizedTest
  @MethodSource("incompleteCreations")
  void aFulfilmentNeedsAnOrderItemsAndAnAddress(Create create, String field) {
    Rejection refusal = FulfillmentState.refuse(create);

    assertThat(refusal).isNotNull();
    assertThat(refusal.reason()).isEqualTo(Reason.INVALID);
    assertThat(refusal.field()).isEqualTo(field);
  }

  // Which steps each status allows

  static Stream<Arguments> allowedByStatus() {
    return Stream.of(
        Arguments.of(CREATED, List.of("pick", "cancel")),
        Arguments.of(PICKED, List.of("ship", "cancel")),
        Arguments.of(SHIPPED, List.of("deliver")),
        Arguments.of(DELIVERED, List.of()),
        Arguments.of(CANCELLED, List.of()));
  }

  @ParameterizedTest
  @MethodSource("allowedByStatus")
  void eachStatusAllowsOnlyTheStepsThatLeadOnFromIt(FulfillmentState state, List<String> allowed) {
    assertThat(state.allowed()).containsExactlyElementsOf(allowed);
    for (Transition step : List.of(PICK, SHIP, DELIVER, CANCEL)) {
      Rejection refusal = state.refuse(step);
      if (allowed.contains(FulfillmentState.action(step))) {
        assertThat(refusal).as(FulfillmentState.action(step) + " from " + state.status()).isNull();
      } else {
        assertThat(refusal).as(FulfillmentState.action(step) + " from " + state.status()).isNotNull();
        assertThat(refusal.reason()).isEqualTo(Reason.CONFLICT);
        assertThat(refusal.currentStatus()).isEqualTo(state.status().name());
        assertThat(refusal.allowed()).containsExactlyElementsOf(allowed);
      }
    }
  }

  @Test
  void repeatingTheStepJustTakenIsAConflictThatSaysSo() {
    Rejection refusal = PICKED.refuse(PICK);

    assertThat(refusal.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(refusal.detail()).contains("PICKED already");
    assertThat(SHIPPED.refuse(SHIP).detail()).contains("SHIPPED already");
    assertThat(DELIVERED.refuse(DELIVER).detail()).contains("DELIVERED already");
    assertThat(CANCELLED.refuse(CANCEL).detail()).contains("CANCELLED already");
    assertThat(SHIPPED.refuse(CANCEL).detail()).doesNotContain("already").contains("cancel");
  }

  // The tracking number

  @ParameterizedTest
  @ValueSource(strings = {"JJD000390007727", "1Z 999 AA1 01 2345 6784", "RR-123-456-SE", "7",
      "  00340434161094042557  "})
  void aTrackingNumberIsLettersDigitsSpacesAndDashes(String trackingNumber) {
    assertThat(FulfillmentState.isTrackingNumber(trackingNumber)).isTrue();
    assertThat(PICKED.refuse(new Ship(trackingNumber, null))).isNull();
  }

  @Test
  void aTrackingNumberHoldsAtMost64CharactersAfterTrimming() {
    assertThat(FulfillmentState.isTrackingNumber("A".repeat(64))).isTrue();
    assertThat(FulfillmentState.isTrackingNumber("  " + "A".repeat(64) + "  ")).isTrue();
    assertThat(FulfillmentState.isTrackingNumber("A".repeat(65))).isFalse();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t", "<script>alert(1)</script>", "1'; DROP TABLE event_journal; --",
      "JJD\n0003", "ÅÄÖ-123", "JJD_000390007727", "１２３"})
  void anythingElseIsNotATrackingNumberAndIsRefusedWhateverTheStatus(String trackingNumber) {
    for (FulfillmentState state : List.of(PICKED, CREATED, DELIVERED)) {
      Rejection refusal = state.refuse(new Ship(trackingNumber, null));

      assertThat(refusal.reason()).isEqualTo(Reason.INVALID);
      assertThat(refusal.field()).isEqualTo("trackingNumber");
    }
  }

  // Applying events

  @Test
  void aCreatedFulfilmentHoldsTheOrdersItemsAndAddressAndNoTrackingNumber() {
    assertThat(CREATED).isEqualTo(new FulfillmentState("order-1", Status.CREATED, ITEMS, HOME, null, CREATED_AT, CREATED_AT,
        List.of(new Happened(CREATED_AT, "FulfillmentCreated", null, "3 items to Stockholm"))));
  }

  @Test
  void eachStepIsTheEventThatMovesToItsStatus() {
    assertThat(FulfillmentState.taken(PICK, LATER)).isEqualTo(new ItemsPicked(LATER));
    assertThat(FulfillmentState.taken(new Ship("  JJD000390007727 ", null), LATER))
        .as("the tracking number is kept trimmed")
        .isEqualTo(new ParcelShipped("JJD000390007727", LATER));
    assertThat(FulfillmentState.taken(DELIVER, LATER)).isEqualTo(new ParcelDelivered(LATER));
    assertThat(FulfillmentState.taken(CANCEL, LATER)).isEqualTo(new FulfillmentCancelled(LATER));
    for (Transition step : List.of(PICK, SHIP, DELIVER, CANCEL)) {
      assertThat(CREATED.apply(FulfillmentState.taken(step, LATER)).status()).isEqualTo(FulfillmentState.after(step));
    }
  }

  @Test
  void theWholeWayKeepsItemsAddressAndCreationTimeAndRecordsEachChange() {
    assertThat(PICKED).isEqualTo(new FulfillmentState("order-1", Status.PICKED, ITEMS, HOME, null, CREATED_AT, LATER,
        List.of(new Happened(CREATED_AT, "FulfillmentCreated", null, "3 items to Stockholm"),
            new Happened(LATER, "ItemsPicked", null))));
    assertThat(SHIPPED).usingRecursiveComparison().ignoringFields("history")
        .isEqualTo(new FulfillmentState("order-1", Status.SHIPPED, ITEMS, HOME, "JJD000390007727", CREATED_AT, LATER, List.of()));
    assertThat(DELIVERED.history()).extracting(Happened::event, Happened::detail).containsExactly(
        tuple("FulfillmentCreated", "3 items to Stockholm"), tuple("ItemsPicked", null),
        tuple("ParcelShipped", "JJD000390007727"), tuple("ParcelDelivered", null));
    assertThat(DELIVERED).usingRecursiveComparison().ignoringFields("history").isEqualTo(
        new FulfillmentState("order-1", Status.DELIVERED, ITEMS, HOME, "JJD000390007727", CREATED_AT, LATEST, List.of()));
  }

  @Test
  void cancellingAPickedFulfilmentKeepsItsItems() {
    FulfillmentState cancelled = PICKED.apply(new FulfillmentCancelled(LATEST));

    assertThat(cancelled).usingRecursiveComparison().ignoringFields("history")
        .isEqualTo(new FulfillmentState("order-1", Status.CANCELLED, ITEMS, HOME, null, CREATED_AT, LATEST, List.of()));
  }

  @Test
  void theViewShowsEverythingTheStateHolds() {
    assertThat(SHIPPED.view("f-1")).isEqualTo(new FulfillmentView(
        "f-1", "order-1", Status.SHIPPED, ITEMS, HOME, "JJD000390007727", CREATED_AT, LATER));
  }
}
