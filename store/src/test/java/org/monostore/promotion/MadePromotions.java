package org.monostore.promotion;

import static org.awaitility.Awaitility.await;
import static org.monostore.TestUsers.asAdmin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The promotions a test made. The tests share one store, so each test ends its promotions after it,
 * and waits until this node's live promotions know, before the next test prices a cart.
 */
final class MadePromotions {

  private final List<String> ids = new ArrayList<>();

  String add(String id) {
    ids.add(id);
    return id;
  }

  void endAll(int port, LivePromotions live) {
    ids.forEach(id -> asAdmin(port).post("/api/admin/promotions/" + id + "/end"));
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream()
        .filter(promotion -> ids.contains(promotion.id()))
        .allMatch(promotion -> promotion.status() == Promotion.Status.ENDED));
  }
}
