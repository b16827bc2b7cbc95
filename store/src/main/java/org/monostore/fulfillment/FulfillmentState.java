package org.monostore.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.monostore.fulfillment.Fulfillment.Cancel;
import org.monostore.fulfillment.Fulfillment.Create;
import org.monostore.fulfillment.Fulfillment.Deliver;
import org.monostore.fulfillment.Fulfillment.Event;
import org.monostore.fulfillment.Fulfillment.FulfillmentCancelled;
import org.monostore.fulfillment.Fulfillment.FulfillmentCreated;
import org.monostore.fulfillment.Fulfillment.FulfillmentEditedByAdmin;
import org.monostore.fulfillment.Fulfillment.Item;
import org.monostore.fulfillment.Fulfillment.ItemsPicked;
import org.monostore.fulfillment.Fulfillment.ParcelDelivered;
import org.monostore.fulfillment.Fulfillment.ParcelShipped;
import org.monostore.fulfillment.Fulfillment.Pick;
import org.monostore.fulfillment.Fulfillment.Ship;
import org.monostore.fulfillment.Fulfillment.Status;
import org.monostore.fulfillment.Fulfillment.Transition;
import org.monostore.platform.CborSerializable;
import org.monostore.platform.Rejection;
import org.monostore.shared.Address;
import org.monostore.shared.Happened;

/** The fulfilment as its events left it; {@code status} is null until it is created. */
public record FulfillmentState(
    String orderId,
    Status status,
    List<Item> items,
    Address shippingAddress,
    String trackingNumber,
    Instant createdAt,
    Instant updatedAt,
    List<Happened> history)
    implements CborSerializable {

  private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9 -]{1,64}");

  static final FulfillmentState NONE = new FulfillmentState(null, null, List.of(), null, null, null, null, List.of());

  /** Why an order may not create a fulfilment with these contents, or null when it may. */
  static Rejection refuse(Create create) {
    if (create.orderId() == null || create.orderId().isBlank()) {
      return Rejection.invalid("orderId", "A fulfilment needs the id of its order");
    }
    if (create.items() == null || create.items().isEmpty()) {
      return Rejection.invalid("items", "A fulfilment needs at least one item to ship");
    }
    if (create.items().stream().anyMatch(item -> item == null || item.sku() == null || item.quantity() < 1)) {
      return Rejection.invalid("items", "Every item needs a SKU and a positive quantity");
    }
    if (create.shippingAddress() == null) {
      return Rejection.invalid("shippingAddress", "A fulfilment needs an address to ship to");
    }
    return null;
  }

  /** The actions this status accepts, in the order a fulfilment takes them. */
  List<String> allowed() {
    return switch (status) {
      case CREATED -> List.of("pick", "cancel");
      case PICKED -> List.of("ship", "cancel");
      case SHIPPED -> List.of("deliver");
      case DELIVERED, CANCELLED -> List.of();
    };
  }

  /**
   * Why the step may not be taken now, or null when it may. Bad input is refused before the status
   * is looked at, so its answer does not depend on where the parcel is. Repeating the step just
   * taken (a second pick) is a conflict too, not a silent success: a client that retries learns
   * that its first call went through, and a double scan in the warehouse does not go unnoticed.
   */
  Rejection refuse(Transition transition) {
    if (transition instanceof Ship ship && !isTrackingNumber(ship.trackingNumber())) {
      return Rejection.invalid("trackingNumber",
          "'trackingNumber' must be 1-64 letters, digits, spaces or dashes");
    }
    String action = action(transition);
    if (allowed().contains(action)) {
      return null;
    }
    String detail = status == after(transition)
        ? "The fulfilment is " + status + " already; '" + action + "' is not repeated"
        : "The fulfilment is " + status + "; '" + action + "' is not possible now";
    return Rejection.conflict(detail, status.name(), allowed());
  }

  static boolean isTrackingNumber(String trackingNumber) {
    return trackingNumber != null && TRACKING_NUMBER.matcher(trackingNumber.strip()).matches();
  }

  /** What the step is called in the API and in a conflict's list of allowed actions. */
  static String action(Transition transition) {
    return switch (transition) {
      case Pick pick -> "pick";
      case Ship ship -> "ship";
      case Deliver deliver -> "deliver";
      case Cancel cancel -> "cancel";
    };
  }

  static Status after(Transition transition) {
    return switch (transition) {
      case Pick pick -> Status.PICKED;
      case Ship ship -> Status.SHIPPED;
      case Deliver deliver -> Status.DELIVERED;
      case Cancel cancel -> Status.CANCELLED;
    };
  }

  /** The event of an allowed step; the tracking number is kept without surrounding spaces. */
  static Event taken(Transition transition, Instant at) {
    return switch (transition) {
      case Pick pick -> new ItemsPicked(at);
      case Ship ship -> new ParcelShipped(ship.trackingNumber().strip(), at);
      case Deliver deliver -> new ParcelDelivered(at);
      case Cancel cancel -> new FulfillmentCancelled(at);
    };
  }

  FulfillmentState apply(Event event) {
    FulfillmentState next = switch (event) {
      case FulfillmentCreated created -> new FulfillmentState(created.orderId(), Status.CREATED,
          created.items().stream().map(PackedItem::asItem).toList(), created.shippingAddress(), null, created.at(),
          created.at(), history);
      case ItemsPicked picked -> moved(Status.PICKED, trackingNumber, picked.at());
      case ParcelShipped shipped -> moved(Status.SHIPPED, shipped.trackingNumber(), shipped.at());
      case ParcelDelivered delivered -> moved(Status.DELIVERED, trackingNumber, delivered.at());
      case FulfillmentCancelled cancelled -> moved(Status.CANCELLED, trackingNumber, cancelled.at());
      case FulfillmentEditedByAdmin edited -> this;
    };
    return new FulfillmentState(next.orderId, next.status, next.items, next.shippingAddress, next.trackingNumber,
        next.createdAt, next.updatedAt, Happened.append(history, happened(event)));
  }

  private static String units(List<PackedItem> items) {
    int units = items.stream().mapToInt(PackedItem::quantity).sum();
    return units == 1 ? "1 item" : units + " items";
  }

  /** How the order's timeline shows the event, with what it was about. */
  private static Happened happened(Event event) {
    return switch (event) {
      case FulfillmentCreated created -> new Happened(created.at(), "FulfillmentCreated", null,
          created.shippingAddress() == null ? units(created.items())
              : units(created.items()) + " to " + created.shippingAddress().city());
      case ItemsPicked picked -> new Happened(picked.at(), "ItemsPicked", null);
      case ParcelShipped shipped -> new Happened(shipped.at(), "ParcelShipped", null, shipped.trackingNumber());
      case ParcelDelivered delivered -> new Happened(delivered.at(), "ParcelDelivered", null);
      case FulfillmentCancelled cancelled -> new Happened(cancelled.at(), "FulfillmentCancelled", null);
      case FulfillmentEditedByAdmin edited -> new Happened(edited.at(), "FulfillmentEditedByAdmin", edited.admin());
    };
  }

  private FulfillmentState moved(Status newStatus, String newTrackingNumber, Instant at) {
    return new FulfillmentState(orderId, newStatus, items, shippingAddress, newTrackingNumber, createdAt, at, history);
  }

  FulfillmentView view(String fulfillmentId) {
    return new FulfillmentView(
        fulfillmentId, orderId, status, items, shippingAddress, trackingNumber, createdAt, updatedAt);
  }
}
