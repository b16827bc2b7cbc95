package org.monostore.cart;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.monostore.platform.Journal;
import org.springframework.stereotype.Component;

/** What happened to a cart, read from the journal, with the admin who made each admin change. */
@Component
class CartTimeline {

  @Schema(name = "CartTimelineEntry", description = "One event of the cart")
  record Entry(
      Instant at,
      @Schema(description = "What happened, in the past tense", example = "ItemAdded") String event,
      @Schema(description = "The admin who made the change; null for the shopper's own", nullable = true) String by,
      @Schema(description = "What changed, in short", example = "BOOK-000001 × 2", nullable = true) String detail) {}

  private final Journal journal;

  CartTimeline(Journal journal) {
    this.journal = journal;
  }

  List<Entry> of(String cartId) {
    List<Object> events = journal.events(Cart.ENTITY_KEY.name(), cartId).join();
    List<Entry> entries = new ArrayList<>(events.size());
    String admin = null;
    for (Object event : events) {
      Cart.Event cartEvent = (Cart.Event) event;
      if (cartEvent instanceof Cart.RequestKeyRecorded) {
        // A client's key is how the change came, not something that happened to the cart.
        continue;
      }
      String by = cartEvent instanceof Cart.CartEditedByAdmin edited ? edited.admin() : admin;
      entries.add(new Entry(cartEvent.at(), event.getClass().getSimpleName(), by, detail(cartEvent)));
      // An admin's marker event names the admin of the change event that follows it.
      admin = cartEvent instanceof Cart.CartEditedByAdmin edited ? edited.admin() : null;
    }
    return entries;
  }

  private static String detail(Cart.Event event) {
    return switch (event) {
      case Cart.CartCreated created -> created.market() + ", " + created.currency();
      case Cart.ItemAdded added -> added.sku() + " × " + added.quantity();
      case Cart.ItemQuantityChanged changed -> changed.sku() + " × " + changed.quantity();
      case Cart.ItemRemoved removed -> removed.sku();
      case Cart.CartCleared cleared -> null;
      case Cart.CartLocked locked -> "by order " + locked.orderId();
      case Cart.CartUnlocked unlocked -> "by order " + unlocked.orderId();
      case Cart.CartCheckedOut checkedOut -> "by order " + checkedOut.orderId();
      case Cart.CartHeldForAuthorization held -> "while order " + held.orderId() + "'s payment is at the gateway";
      case Cart.AuthorizationHoldEnded ended -> "by order " + ended.orderId();
      case Cart.CartEditedByAdmin edited -> edited.lockOverridden() ? "overriding the order's lock" : null;
      case Cart.CodeEntered entered -> entered.code();
      case Cart.CodeRemoved removed -> removed.code();
      case Cart.RequestKeyRecorded keyed -> keyed.request();
    };
  }
}
