package org.monostore.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs read-model projections: an entity type's events, in commit order ({@link CommittedEvents}), are
 * read by one projection instance, a sharded daemon process somewhere in the cluster, which writes
 * its table changes and its offset in one transaction (exactly once). The tables live in the store's
 * own database. One instance per entity type, not several slices: each instance reads the journal's
 * whole new range, so on two cores slices cost more than they gain (docs/benchmarks.md). To rebuild a
 * read model, stop the store, empty its tables and delete its offset row: it reads the journal again.
 */
@Component
public class Projections {

  /** Projections read the journal and write their tables on this pool, never on the actors' threads. */
  static final String BLOCKING_DISPATCHER = "pekko.projection.jdbc.blocking-jdbc-dispatcher";

  /**
   * How many events the running projections have still to project: the read models' lag, as the
   * metric {@code monostore.projections.behind}, and for tests and benchmarks that must start from read
   * models that hold everything written so far.
   */
  public static final String EVENTS_NOT_YET_PROJECTED = """
      SELECT count(*) FROM pekko_projection_offset_store o
      JOIN event_journal j ON split_part(j.persistence_id, '|', 1) = o.projection_key
        AND j.txid >= split_part(o.current_offset, ':', 1)::xid8
        AND (j.txid, j.ordering) > (split_part(o.current_offset, ':', 1)::xid8, split_part(o.current_offset, ':', 2)::bigint)
      WHERE o.manifest = 'STR'""";

  /** A group closes at this many events, or this long after its first event. */
  private static final int GROUP_SIZE = 4000;
  private static final Duration GROUP_WAIT = Duration.ofMillis(500);

  private final ActorSystem<?> system;
  private final DataSource dataSource;
  private final Duration pollInterval;

  Projections(ActorSystem<?> system, DataSource dataSource, MeterRegistry metrics, PlatformSettings settings) {
    this.system = system;
    this.dataSource = dataSource;
    this.pollInterval = settings.projections().pollInterval();
    Gauge.builder("monostore.projections.behind", this::eventsBehind)
        .description("Events in the journal that the read models have not projected yet")
        .baseUnit("events")
        .register(metrics);
  }

  /** How many events the projection {@code name} has still to project: its read model's lag. */
  public long eventsNotYetProjected(String name) {
    return JdbcClient.create(dataSource).sql(EVENTS_NOT_YET_PROJECTED + " AND o.projection_name = ?")
        .param(name).query(Long.class).single();
  }

  /** Asked when the metrics are read; NaN while the database cannot answer. */
  private double eventsBehind() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(EVENTS_NOT_YET_PROJECTED);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      return Double.NaN;
    }
  }

  /**
   * Starts the projection {@code name} over the events of {@code entityType}. The handler gets the
   * events in groups, oldest first, and a group commits once with its offset: one commit per event
   * would cost the database as much as the writes being projected.
   */
  public <E> void start(
      String name,
      EntityTypeKey<?> entityType,
      Supplier<JdbcHandler<List<CommittedEvents.Entry<E>>, Session>> handler) {
    ShardedDaemonProcess.get(system).init(
        ProjectionBehavior.Command.class,
        name,
        1,
        instance -> ProjectionBehavior.create(
            JdbcProjection.groupedWithin(
                    ProjectionId.of(name, entityType.name()),
                    new CommittedEvents<E>(system, dataSource, entityType.name(), GROUP_SIZE, pollInterval),
                    () -> new Session(dataSource),
                    handler,
                    system)
                .withGroup(GROUP_SIZE, GROUP_WAIT)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
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
      try (PreparedStatement statement = prepare(sql, parameters)) {
        return statement.executeUpdate();
      }
    }

    /** Runs one statement that returns rows, such as an update with {@code RETURNING}, in the transaction. */
    public <T> List<T> query(String sql, RowMapper<T> row, Object... parameters) throws SQLException {
      try (PreparedStatement statement = prepare(sql, parameters)) {
        return rows(statement, row);
      }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameter(parameters[i]));
      }
      return statement;
    }

    /**
     * Runs one statement for all {@code rows} at once. Each parameter is bound as a text array holding
     * one column of the rows, which the statement casts and unnests. A JDBC batch still executes one
     * statement per row; for a group's thousands of rows that cost PostgreSQL more than twice the CPU,
     * taken from the cart writes on the same cores (benchmarks/ANALYSIS.md).
     */
    public void forRows(String sql, List<Object[]> rows) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      try (PreparedStatement statement = prepareForRows(sql, rows)) {
        statement.executeUpdate();
      }
    }

    /** As {@link #forRows(String, List)}, for a statement that returns rows ({@code RETURNING}). */
    public <T> List<T> forRows(String sql, List<Object[]> rows, RowMapper<T> row) throws SQLException {
      if (rows.isEmpty()) {
        return List.of();
      }
      try (PreparedStatement statement = prepareForRows(sql, rows)) {
        return rows(statement, row);
      }
    }

    private PreparedStatement prepareForRows(String sql, List<Object[]> rows) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      for (int column = 0; column < rows.getFirst().length; column++) {
        String[] values = new String[rows.size()];
        for (int row = 0; row < values.length; row++) {
          Object value = rows.get(row)[column];
          values[row] = value == null ? null : value.toString();
        }
        statement.setArray(column + 1, connection.createArrayOf("text", values));
      }
      return statement;
    }

    private static <T> List<T> rows(PreparedStatement statement, RowMapper<T> row) throws SQLException {
      List<T> found = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          found.add(row.mapRow(result, found.size()));
        }
      }
      return found;
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
