package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database whose read models were kept through tags (V3) moves to projections that read the
 * journal (V4) without projecting an event twice or missing one: the old offset becomes a position.
 */
@StoreTest
class ProjectionOffsetMigrationTest {

  @Autowired ActorSystem<?> system;
  @Autowired HikariDataSource storeDatabase;
  @Autowired JdbcClient jdbc;

  @Test
  void aTaggedProjectionsOffsetBecomesThePositionAfterTheSameEvent() throws Exception {
    String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql("CREATE DATABASE " + name).update();
    DataSource database = new DriverManagerDataSource(
        storeDatabase.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"),
        storeDatabase.getUsername(), storeDatabase.getPassword());
    JdbcClient old = JdbcClient.create(database);
    migrate(database, "3");
    for (int i = 1; i <= 3; i++) {
      write(database, "Cart|c", i, "cart event " + i);
      write(database, "PurchaseOrder|o", i, "order event " + i);
    }
    // As V3 left them: every cart and order event tagged, the cart projection two events in.
    old.sql("INSERT INTO event_tag (event_id, tag) SELECT ordering, 'carts' FROM event_journal WHERE persistence_id LIKE 'Cart|%'")
        .update();
    long secondCartEvent = old.sql("SELECT ordering FROM event_journal WHERE persistence_id = 'Cart|c' AND sequence_number = 2")
        .query(Long.class).single();
    old.sql("""
        INSERT INTO pekko_projection_offset_store VALUES ('cart-summary', 'carts', ?, 'SEQ', false, 0)""")
        .param(String.valueOf(secondCartEvent)).update();

    migrate(database, "latest");

    var offset = old.sql("SELECT projection_key, current_offset, manifest FROM pekko_projection_offset_store")
        .query().singleRow();
    assertThat(offset).containsEntry("projection_key", "Cart").containsEntry("manifest", "STR");
    assertThat(old.sql("SELECT count(*) FROM event_tag").query(Long.class).single()).isZero();

    CommittedEvents<String> carts = new CommittedEvents<>(system, database, "Cart", 10, Duration.ofMillis(50));
    SinkQueueWithCancel<CommittedEvents.Entry<String>> next = carts
        .source(() -> CompletableFuture.completedFuture(Optional.of((String) offset.get("current_offset"))))
        .toCompletableFuture().get(10, TimeUnit.SECONDS)
        .runWith(Sink.queue(), system);
    try {
      assertThat(next.pull().toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow().event())
          .isEqualTo("cart event 3");
      write(database, "Cart|c", 4, "cart event 4");
      assertThat(next.pull().toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow().event())
          .isEqualTo("cart event 4");
    } finally {
      next.cancel();
    }
  }

  private static void migrate(DataSource database, String version) {
    Flyway.configure().dataSource(database).locations("classpath:db/migration").target(version).load().migrate();
  }

  private void write(DataSource database, String persistenceId, long sequenceNr, String event) throws SQLException {
    try (Connection connection = database.getConnection()) {
      JournalRows.write(system, connection, persistenceId, sequenceNr, event);
    }
  }
}
