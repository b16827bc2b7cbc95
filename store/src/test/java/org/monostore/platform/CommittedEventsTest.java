package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection's source on the real journal: an entity type's events in commit order, page after
 * page, from where the projection stands, and never past a row whose transaction is still open.
 */
@StoreTest
class CommittedEventsTest {

  private static final Duration POLL = Duration.ofMillis(50);

  @Autowired ActorSystem<?> system;
  @Autowired DataSource dataSource;

  /** An entity type of this test alone, so that no other test's events are in its stream. */
  private final String type = "Probe" + UUID.randomUUID().toString().replace("-", "");
  private final List<SinkQueueWithCancel<?>> streams = new ArrayList<>();

  @AfterEach
  void stopStreams() {
    streams.forEach(SinkQueueWithCancel::cancel);
  }

  @Test
  void readsOneEntityTypesEventsInOrderPageAfterPageAndResumesAfterAPosition() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      write(connection, type + "|a", 1, "a1");
      write(connection, "Other" + type + "|a", 1, "not this type");
      connection.setAutoCommit(false);
      write(connection, type + "|b", 1, "b1");
      write(connection, type + "|a", 2, "a2");
      connection.commit();
      write(connection, type + "|b", 2, "b2");
      connection.commit();
      write(connection, type + "|a", 3, "a3");
      connection.commit();
    }

    // Pages of two: the five events take three reads.
    SinkQueueWithCancel<CommittedEvents.Entry<String>> all = read(Optional.empty());
    List<CommittedEvents.Entry<String>> entries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      entries.add(next(all));
    }
    assertThat(entries).extracting(CommittedEvents.Entry::event).containsExactly("a1", "b1", "a2", "b2", "a3");
    assertThat(entries).extracting(CommittedEvents.Entry::entityId).containsExactly("a", "b", "a", "b", "a");
    assertThat(entries).extracting(CommittedEvents.Entry::sequenceNr).containsExactly(1L, 1L, 2L, 2L, 3L);

    SinkQueueWithCancel<CommittedEvents.Entry<String>> resumed = read(Optional.of(entries.get(2).position().toString()));
    assertThat(next(resumed).event()).isEqualTo("b2");
    assertThat(next(resumed).event()).isEqualTo("a3");
  }

  @Test
  void anEventCommittedAfterALaterOneIsStillReadFirst() throws Exception {
    SinkQueueWithCancel<CommittedEvents.Entry<String>> events = read(Optional.empty());
    try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      write(slow, type + "|slow", 1, "inserted first, committed last");
      write(fast, type + "|fast", 1, "inserted last, committed first");

      // A reader that followed the journal's ordering alone would now pass the slow row for good.
      CompletableFuture<Optional<CommittedEvents.Entry<String>>> first = events.pull().toCompletableFuture();
      Thread.sleep(POLL.multipliedBy(10).toMillis());
      assertThat(first).isNotDone();

      slow.commit();
      assertThat(first.get(10, TimeUnit.SECONDS).orElseThrow().event()).isEqualTo("inserted first, committed last");
      assertThat(next(events).event()).isEqualTo("inserted last, committed first");
    }
  }

  @Test
  void aPageIsReadThroughTheIndexOnEntityTypeAndTransaction() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      // On a test's small journal the planner would rightly scan the table: whether the index can
      // serve the query at all is the question, as it must once the journal holds millions of rows.
      statement.execute("SET LOCAL enable_seqscan = off");
      statement.execute("PREPARE page(text, bigint, bigint, bigint, int) AS "
          + CommittedEvents.PAGE.replaceAll("\\?", "\\$%d").formatted(1, 2, 3, 4, 5));
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE page('Cart', 1, 0, 2, 100)")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      connection.rollback();
      // Where the projection stands bounds the index scan itself, so a page costs its own rows only,
      // also among the many rows of one transaction (every row older than the V4 migration).
      assertThat(plan.toString()).contains("event_journal_type_txid_idx", "ROW(txid, ordering) >")
          .doesNotContain("Sort", "Filter");
    }
  }

  private SinkQueueWithCancel<CommittedEvents.Entry<String>> read(Optional<String> offset) throws Exception {
    CommittedEvents<String> source = new CommittedEvents<>(system, dataSource, type, 2, POLL);
    SinkQueueWithCancel<CommittedEvents.Entry<String>> queue = source
        .source(() -> CompletableFuture.completedFuture(offset))
        .toCompletableFuture().get(10, TimeUnit.SECONDS)
        .runWith(Sink.queue(), system);
    streams.add(queue);
    return queue;
  }

  private static CommittedEvents.Entry<String> next(SinkQueueWithCancel<CommittedEvents.Entry<String>> queue)
      throws Exception {
    return queue.pull().toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
  }

  private void write(Connection connection, String persistenceId, long sequenceNr, String event)
      throws SQLException {
    JournalRows.write(system, connection, persistenceId, sequenceNr, event);
  }
}
