package org.monostore.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.stream.javadsl.Source;
import scala.concurrent.ExecutionContextExecutor;

/**
 * The events of one entity type, read from the journal in the order their transactions committed,
 * for a projection. The events carry no tags: a tagged write costs the journal an insert per event
 * and a tag row each, where an untagged batch is one multi-row insert (docs/benchmarks.md).
 *
 * <p>The journal's {@code ordering} is taken when a row is inserted, not when it commits, so a reader
 * following it could pass a row whose transaction commits later and miss it for good. Each row
 * therefore records its transaction id ({@code txid}, V4 migration) and a projection stands at a
 * {@link Position} (transaction, ordering). It reads only rows of transactions older than the oldest
 * one still running: all of those have ended, so nothing can appear behind the position it reaches.
 * A long transaction anywhere on the PostgreSQL server therefore holds the read models back while it
 * runs (the metric {@code monostore.projections.behind} shows it); it never makes them skip an event.
 */
public final class CommittedEvents<E> extends SourceProvider<String, CommittedEvents.Entry<E>> {

  /** One event and where it stands in the journal. */
  public record Entry<E>(Position position, String persistenceId, long sequenceNr, E event, long timestamp) {

    /** The entity's id: the persistence id without its type. */
    public String entityId() {
      return persistenceId.substring(persistenceId.indexOf('|') + 1);
    }
  }

  /** After the row {@code ordering} written by transaction {@code transaction}; stored as "transaction:ordering". */
  public record Position(long transaction, long ordering) {

    static final Position START = new Position(0, 0);

    static Position parse(String stored) {
      int colon = stored.indexOf(':');
      return new Position(Long.parseLong(stored.substring(0, colon)), Long.parseLong(stored.substring(colon + 1)));
    }

    @Override
    public String toString() {
      return transaction + ":" + ordering;
    }
  }

  /** Where a poll starts, and whether the previous one found all there was (so this one waits first). */
  private record Poll(Position from, boolean caughtUp) {}

  private static final String HORIZON = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

  static final String PAGE = """
      SELECT txid::text::bigint AS transaction, ordering, persistence_id, sequence_number, write_timestamp,
             event_ser_id, event_ser_manifest, event_payload
      FROM event_journal
      WHERE split_part(persistence_id, '|', 1) = ?
        AND (txid, ordering) > (?::text::xid8, ?)
        AND txid < ?::text::xid8
      ORDER BY txid, ordering
      LIMIT ?""";

  private final ActorSystem<?> system;
  private final DataSource dataSource;
  private final String entityType;
  private final int pageSize;
  private final Duration pollInterval;
  private final ExecutionContextExecutor blocking;
  private final Serialization serialization;

  CommittedEvents(ActorSystem<?> system, DataSource dataSource, String entityType, int pageSize, Duration pollInterval) {
    this.system = system;
    this.dataSource = dataSource;
    this.entityType = entityType;
    this.pageSize = pageSize;
    this.pollInterval = pollInterval;
    this.blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig(Projections.BLOCKING_DISPATCHER));
    this.serialization = SerializationExtension.get(system);
  }

  @Override
  public CompletionStage<Source<Entry<E>, NotUsed>> source(Supplier<CompletionStage<Optional<String>>> offset) {
    return offset.get().thenApply(stored -> {
      Position start = stored.map(Position::parse).orElse(Position.START);
      return Source.unfoldAsync(new Poll(start, false), this::next).mapConcat(page -> page);
    });
  }

  /** Reads the next page; waits the poll interval first when the previous page was the last there was. */
  private CompletionStage<Optional<Pair<Poll, List<Entry<E>>>>> next(Poll poll) {
    if (!poll.caughtUp()) {
      return read(poll.from());
    }
    return Patterns.after(pollInterval, system.classicSystem().scheduler(), blocking, () -> read(poll.from()));
  }

  private CompletionStage<Optional<Pair<Poll, List<Entry<E>>>>> read(Position from) {
    return CompletableFuture.supplyAsync(() -> {
      List<Entry<E>> page = page(from);
      Position reached = page.isEmpty() ? from : page.getLast().position();
      return Optional.of(Pair.create(new Poll(reached, page.size() < pageSize), page));
    }, blocking);
  }

  private List<Entry<E>> page(Position from) {
    try (Connection connection = dataSource.getConnection()) {
      // The horizon is read before the page, in an earlier snapshot: every transaction older than it
      // had ended before the page's snapshot was taken, so the page sees all of their rows.
      long horizon;
      try (PreparedStatement statement = connection.prepareStatement(HORIZON);
          ResultSet result = statement.executeQuery()) {
        result.next();
        horizon = result.getLong(1);
      }
      try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
        statement.setString(1, entityType);
        statement.setLong(2, from.transaction());
        statement.setLong(3, from.ordering());
        statement.setLong(4, horizon);
        statement.setInt(5, pageSize);
        try (ResultSet result = statement.executeQuery()) {
          List<Entry<E>> page = new ArrayList<>();
          while (result.next()) {
            page.add(entry(result));
          }
          return page;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + entityType + " events from the journal", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Entry<E> entry(ResultSet row) throws SQLException {
    E event = (E) serialization.deserialize(row.getBytes(8), row.getInt(6), row.getString(7)).get();
    return new Entry<>(new Position(row.getLong(1), row.getLong(2)), row.getString(3), row.getLong(4), event,
        row.getLong(5));
  }

  @Override
  public String extractOffset(Entry<E> entry) {
    return entry.position().toString();
  }

  @Override
  public long extractCreationTime(Entry<E> entry) {
    return entry.timestamp();
  }
}
