package org.monostore.cluster;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.discovery.Lookup;
import org.apache.pekko.discovery.ServiceDiscovery;
import scala.Option;
import scala.concurrent.Future;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;

/**
 * Pekko discovery through the PostgreSQL every node shares: the nodes whose row in {@code cluster_node}
 * was renewed within the heartbeat expiry ({@link NodeHeartbeat} keeps each node's own row). For
 * platforms that give neither a Kubernetes API nor a DNS name per replica. It only tells Cluster
 * Bootstrap where to find contact points: joining, failure detection and downing stay Pekko Cluster's.
 *
 * <p>Named in pekko/cluster.conf as the discovery method {@code database}; Pekko creates it.
 */
public final class DatabaseDiscovery extends ServiceDiscovery {

  static final String LIVE_NODES = """
      SELECT host, management_port FROM cluster_node
      WHERE service_name = ? AND heartbeat_at > now() - make_interval(secs => ?)
      ORDER BY host, management_port""";

  private final Config database;
  private final double expirySeconds;
  private final Executor blocking;

  public DatabaseDiscovery(ExtendedActorSystem system) {
    Config config = system.settings().config();
    this.database = config.getConfig("monostore.database");
    this.expirySeconds =
        config.getDuration("monostore.cluster.database-discovery.heartbeat-expiry").toMillis() / 1000.0;
    this.blocking = system.dispatchers().lookup("pekko.actor.default-blocking-io-dispatcher");
  }

  @Override
  public Future<Resolved> lookup(Lookup lookup, FiniteDuration resolveTimeout) {
    return FutureConverters.asScala(
        CompletableFuture.supplyAsync(() -> resolve(lookup.serviceName()), blocking));
  }

  /** A connection of its own per lookup: bootstrap asks about once a second, and only until joined. */
  private Resolved resolve(String serviceName) {
    List<ResolvedTarget> targets = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(
            database.getString("url"), database.getString("user"), database.getString("password"));
        PreparedStatement query = connection.prepareStatement(LIVE_NODES)) {
      query.setString(1, serviceName);
      query.setDouble(2, expirySeconds);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          targets.add(new ResolvedTarget(rows.getString(1), Option.apply(rows.getInt(2)), Option.empty()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the cluster's nodes from the database", e);
    }
    return new Resolved(serviceName, CollectionConverters.asScala(targets).toList());
  }
}
