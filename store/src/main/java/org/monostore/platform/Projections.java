package org.monostore.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.springframework.stereotype.Component;

/**
 * Runs read-model projections: a tagged event stream is read by one projection instance, a sharded
 * daemon process somewhere in the cluster, which writes its table changes and its offset in one
 * transaction (exactly once). The tables live in the store's own database. One instance per stream,
 * not several slices: each instance's query reads the journal's whole new range, so on two cores
 * slices cost more than they gain (docs/benchmarks.md).
 */
@Component
public class Projections {

  /** A group closes at this many events, or this long after its first event. */
  private static final int GROUP_SIZE = 1000;
  private static final Duration GROUP_WAIT = Duration.ofMillis(200);

  private final ActorSystem<?> system;
  private final DataSource dataSource;

  Projections(ActorSystem<?> system, DataSource dataSource) {
    this.system = system;
    this.dataSource = dataSource;
  }

  /**
   * Starts the projection {@code name} over the events tagged {@code tag}. The handler gets the events in groups, oldest first, and a group commits once with its
   * offset: one commit per event would cost the database as much as the writes being projected.
   */
  public <E> void start(
      String name, String tag, Supplier<JdbcHandler<List<EventEnvelope<E>>, Session>> handler) {
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        name,
        1,
        instance -> ProjectionBehavior.create(
            JdbcProjection.groupedWithin(
                    ProjectionId.of(name, tag),
                    EventSourcedProvider.<E>eventsByTag(system, JdbcReadJournal.Identifier(), tag),
                    () -> new Session(dataSource),
                    () -> new ForgettingTags<>(tag, handler.get()),
                    system)
                .withGroup(GROUP_SIZE, GROUP_WAIT)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  /**
   * Deletes the tag rows of the events a group projected, in the group's transaction. The journal's
   * eventsByTag query finds a tag's rows without a lower bound (apache/pekko-persistence-jdbc issue
   * 105), so a tag table that keeps every event makes each poll slower as the journal grows. A tag
   * therefore serves exactly one projection; to rebuild a read model, tag the events again (as
   * V3__read_models.sql does) and delete the projection's offset.
   */
  private static final class ForgettingTags<E> extends JdbcHandler<List<EventEnvelope<E>>, Session> {

    private final String tag;
    private final JdbcHandler<List<EventEnvelope<E>>, Session> handler;

    ForgettingTags(String tag, JdbcHandler<List<EventEnvelope<E>>, Session> handler) {
      this.tag = tag;
      this.handler = handler;
    }

    @Override
    public void start() {
      handler.start();
    }

    @Override
    public void stop() {
      handler.stop();
    }

    @Override
    public void process(Session session, List<EventEnvelope<E>> envelopes) throws Exception {
      handler.process(session, envelopes);
      long last = ((Sequence) envelopes.getLast().offset()).value();
      session.update("DELETE FROM event_tag WHERE tag = ? AND event_id <= ?", tag, last);
    }
  }

  /** One transaction on a connection from the store's pool; the projection commits or rolls it back. */
  public static final class Session implements JdbcSession {

    private final Connection connection;

    public Session(DataSource dataSource) {
      try {
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(false);
      } catch (SQLException e) {
        throw new IllegalStateException("No database connection for a projection", e);
      }
    }

    /** Runs one statement in the transaction; an {@link Instant} is written as a timestamp with time zone. */
    public int update(String sql, Object... parameters) throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameter(parameters[i]));
        }
        return statement.executeUpdate();
      }
    }

    /** Runs one statement for each row of parameters, in one round trip. */
    public void batch(String sql, List<Object[]> rows) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, parameter(row[i]));
          }
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }

    private static Object parameter(Object value) {
      return value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
    }

    @Override
    public <R> R withConnection(Function<Connection, R> work) throws Exception {
      return work.apply(connection);
    }

    @Override
    public void commit() throws SQLException {
      connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
      connection.rollback();
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
