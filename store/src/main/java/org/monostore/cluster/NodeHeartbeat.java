package org.monostore.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This node's row in {@code cluster_node}, renewed every heartbeat interval, so that
 * {@link DatabaseDiscovery} on the other nodes finds its management endpoint; removed when the node
 * stops. A node killed outright leaves a row that expires. The database's clock stamps every beat,
 * so the nodes' clocks need not agree.
 */
final class NodeHeartbeat implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

  private final JdbcClient jdbc;
  private final String serviceName;
  private final String host;
  private final int port;
  private final ScheduledExecutorService beats =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("node-heartbeat").factory());

  NodeHeartbeat(JdbcClient jdbc, String serviceName, String host, int port) {
    this.jdbc = jdbc;
    this.serviceName = serviceName;
    this.host = host;
    this.port = port;
  }

  /** Records the node before it returns, so bootstrap's first lookup already finds it. */
  void start(Duration interval) {
    // Rows of nodes long gone (replicas get new addresses) would otherwise pile up.
    jdbc.sql("DELETE FROM cluster_node WHERE heartbeat_at < now() - interval '1 day'").update();
    jdbc.sql("""
            INSERT INTO cluster_node (service_name, host, management_port, started_at, heartbeat_at)
            VALUES (?, ?, ?, now(), now())
            ON CONFLICT (service_name, host, management_port)
            DO UPDATE SET started_at = now(), heartbeat_at = now()""")
        .params(serviceName, host, port)
        .update();
    beats.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Recorded {}:{} for the database discovery of service {}", host, port, serviceName);
  }

  private void beat() {
    try {
      jdbc.sql("""
              INSERT INTO cluster_node (service_name, host, management_port, started_at, heartbeat_at)
              VALUES (?, ?, ?, now(), now())
              ON CONFLICT (service_name, host, management_port) DO UPDATE SET heartbeat_at = now()""")
          .params(serviceName, host, port)
          .update();
    } catch (RuntimeException databaseUnreachable) {
      // The next beat tries again; a row that expires meanwhile only hides this node from new nodes.
      log.warn("Could not renew this node's row in cluster_node: {}", databaseUnreachable.getMessage());
    }
  }

  @Override
  public void close() {
    beats.shutdownNow();
    try {
      jdbc.sql("DELETE FROM cluster_node WHERE service_name = ? AND host = ? AND management_port = ?")
          .params(serviceName, host, port)
          .update();
    } catch (RuntimeException databaseUnreachable) {
      log.warn("Could not remove this node's row from cluster_node; it expires: {}", databaseUnreachable.getMessage());
    }
  }
}
