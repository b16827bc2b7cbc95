package org.monostore.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.platform.CommittedEvents;
import org.monostore.platform.EntityIds;
import org.monostore.platform.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cart read model's handler on the real tables: a cart's events give the same row whether they
 * come in one group or one at a time, since a group is folded per cart before it is written.
 */
@StoreTest
class CartSummaryProjectionTest {

  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  private static List<Cart.Event> history(String orderId) {
    return List.of(
        new Cart.CartCreated("SE", "SEK", T),
        new Cart.ItemAdded("BOOK-000001", "Book", "Books", 2, 10000, T.plusSeconds(1)),
        new Cart.ItemAdded("ELEC-000001", "Lamp", "Electronics", 1, 50000, T.plusSeconds(2)),
        new Cart.ItemQuantityChanged("BOOK-000001", 3, 12000, T.plusSeconds(3)),
        new Cart.CartCleared(T.plusSeconds(4)),
        new Cart.ItemAdded("ELEC-000001", "Lamp", "Electronics", 4, 50000, T.plusSeconds(5)),
        new Cart.ItemAdded("HOME-000001", "Pan", "Kitchen", 1, 30000, T.plusSeconds(6)),
        new Cart.ItemRemoved("HOME-000001", T.plusSeconds(7)),
        new Cart.CartLocked(orderId, T.plusSeconds(8)),
        new Cart.CartEditedByAdmin("admin", true, T.plusSeconds(9)),
        new Cart.ItemQuantityChanged("ELEC-000001", 5, 50000, T.plusSeconds(9)));
  }

  private void project(String cartId, List<Cart.Event> events, int groupSize) throws Exception {
    List<CommittedEvents.Entry<Cart.Event>> entries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      entries.add(entry(cartId, i + 1, events.get(i)));
    }
    project(entries, groupSize);
  }

  private static CommittedEvents.Entry<Cart.Event> entry(String cartId, long sequenceNumber, Cart.Event event) {
    return new CommittedEvents.Entry<>(
        new CommittedEvents.Position(1, sequenceNumber), "Cart|" + cartId, sequenceNumber, event, 0L);
  }

  private void project(List<CommittedEvents.Entry<Cart.Event>> entries, int groupSize) throws Exception {
    project(entries, groupSize, List.of());
  }

  private void project(List<CommittedEvents.Entry<Cart.Event>> entries, int groupSize,
      List<CartTotalListener> listeners) throws Exception {
    CartSummaryProjection.Handler handler = new CartSummaryProjection.Handler(listeners);
    for (int from = 0; from < entries.size(); from += groupSize) {
      Projections.Session session = new Projections.Session(dataSource);
      handler.process(session, entries.subList(from, Math.min(from + groupSize, entries.size())));
      session.commit();
      session.close();
    }
  }

  private Map<String, Object> row(String cartId) {
    return jdbc.sql("SELECT status, line_count, item_count, total, order_id, updated_at FROM cart_summary "
        + "WHERE cart_id = ?").param(cartId).query().singleRow();
  }

  @Test
  void aGroupAndOneEventAtATimeLeaveTheSameRow() throws Exception {
    String orderId = EntityIds.newId();
    String together = EntityIds.newId();
    String apart = EntityIds.newId();
    project(together, history(orderId), 1000);
    project(apart, history(orderId), 1);

    Map<String, Object> row = row(together);
    assertThat(row).containsEntry("status", "LOCKED")
        .containsEntry("line_count", 1)
        .containsEntry("item_count", 5)
        .containsEntry("total", 250000L)
        .containsEntry("order_id", orderId);
    assertThat(((java.sql.Timestamp) row.get("updated_at")).toInstant()).isEqualTo(T.plusSeconds(9));
    assertThat(row(apart)).isEqualTo(row);
  }

  @Test
  void everyCartInAGroupGetsItsOwnRow() throws Exception {
    String orderId = EntityIds.newId();
    String locked = EntityIds.newId();
    String emptied = EntityIds.newId();
    String unlocked = EntityIds.newId();
    List<Cart.Event> lockedHistory = history(orderId);
    List<Cart.Event> emptiedHistory = List.of(
        new Cart.CartCreated("NO", "NOK", T),
        new Cart.ItemAdded("BOOK-000002", "Book", "Books", 2, 9000, T.plusSeconds(1)),
        new Cart.ItemRemoved("BOOK-000002", T.plusSeconds(2)));
    List<Cart.Event> unlockedHistory = List.of(
        new Cart.CartCreated("DK", "DKK", T),
        new Cart.ItemAdded("TOYS-000001", "Kite", "Toys", 3, 7000, T.plusSeconds(1)),
        new Cart.CartLocked(orderId, T.plusSeconds(2)),
        new Cart.CartUnlocked(orderId, T.plusSeconds(3)));
    // The three carts' events interleaved, as carts edited side by side write them.
    List<CommittedEvents.Entry<Cart.Event>> entries = new ArrayList<>();
    for (int i = 0; i < lockedHistory.size(); i++) {
      entries.add(entry(locked, i + 1, lockedHistory.get(i)));
      if (i < emptiedHistory.size()) {
        entries.add(entry(emptied, i + 1, emptiedHistory.get(i)));
      }
      if (i < unlockedHistory.size()) {
        entries.add(entry(unlocked, i + 1, unlockedHistory.get(i)));
      }
    }
    project(entries, 1000);

    assertThat(row(locked)).containsEntry("status", "LOCKED").containsEntry("total", 250000L)
        .containsEntry("order_id", orderId);
    assertThat(row(emptied)).containsEntry("status", "OPEN").containsEntry("line_count", 0)
        .containsEntry("item_count", 0).containsEntry("total", 0L).containsEntry("order_id", null);
    assertThat(row(unlocked)).containsEntry("status", "OPEN").containsEntry("line_count", 1)
        .containsEntry("item_count", 3).containsEntry("total", 21000L).containsEntry("order_id", null);
  }

  @Test
  void aModuleThatKeepsCopiesIsToldEachCartsNewTotalOncePerGroup() throws Exception {
    String cart = EntityIds.newId();
    List<CommittedEvents.Entry<Cart.Event>> entries = new ArrayList<>();
    List<Cart.Event> events = history(EntityIds.newId());
    for (int i = 0; i < events.size(); i++) {
      entries.add(entry(cart, i + 1, events.get(i)));
    }
    List<CartTotalListener.CartTotal> told = new ArrayList<>();
    project(entries, 4, List.of((session, totals) -> told.addAll(totals)));

    // Eleven events in groups of four: three groups, each ending with the total the cart had then.
    assertThat(told).containsExactly(
        new CartTotalListener.CartTotal(cart, 86000, T.plusSeconds(3)),
        new CartTotalListener.CartTotal(cart, 200000, T.plusSeconds(7)),
        new CartTotalListener.CartTotal(cart, 250000, T.plusSeconds(9)));
  }

  @Test
  void theListKeepsTheLatestEmailGivenOnACartsOrders() throws Exception {
    String cart = EntityIds.newId();
    String first = EntityIds.newId();
    String second = EntityIds.newId();
    given(cart, first, "anna@example.com", T.plusSeconds(10));
    given(cart, second, "bo@example.com", T.plusSeconds(20));
    // The first order's projection may come later than the second's: an older email does not win.
    given(cart, first, "anna.old@example.com", T.plusSeconds(15));

    assertThat(jdbc.sql("SELECT order_id, email FROM cart_order_email WHERE cart_id = ?").param(cart)
        .query().singleRow()).containsEntry("order_id", second).containsEntry("email", "bo@example.com");
  }

  private void given(String cartId, String orderId, String email, Instant at) throws Exception {
    Projections.Session session = new Projections.Session(dataSource);
    CartSummaries.orderEmailGiven(session, cartId, orderId, email, at);
    session.commit();
    session.close();
  }
}
