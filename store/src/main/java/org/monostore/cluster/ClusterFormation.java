package org.monostore.cluster;

import com.typesafe.config.Config;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How this node becomes a member: alone (discovery {@code none}, the default: it joins itself), by
 * the seed nodes a test or an operator lists in {@code pekko.cluster.seed-nodes}, or through Pekko
 * Management's Cluster Bootstrap with the discovery method {@code monostore.cluster.discovery}
 * names (pekko/cluster.conf documents the methods).
 */
@Component
class ClusterFormation {

  private static final Logger log = LoggerFactory.getLogger(ClusterFormation.class);

  private final ShardsReady shards;
  private final Optional<NodeHeartbeat> heartbeat;
  private volatile boolean closing;

  ClusterFormation(ActorSystem<Void> system, JdbcClient jdbc, ConfigurableApplicationContext context) {
    var classic = Adapter.toClassic(system);
    Config config = system.settings().config();
    String discovery = config.getString("monostore.cluster.discovery");
    this.shards = ShardsReady.get(classic);
    exitWhenDowned(system, context);

    if (discovery.equals("none")) {
      this.heartbeat = Optional.empty();
      if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
      }
      return;
    }

    PekkoManagement management = PekkoManagement.get(classic);
    if (discovery.equals("database")) {
      var heartbeat = new NodeHeartbeat(jdbc,
          config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name"),
          management.settings().getHttpHostname(), management.settings().getHttpPort());
      heartbeat.start(config.getDuration("monostore.cluster.database-discovery.heartbeat-interval"));
      this.heartbeat = Optional.of(heartbeat);
    } else {
      this.heartbeat = Optional.empty();
    }
    try {
      // Fails the start at once when the management port is taken, rather than a node that never joins.
      var uri = management.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
      log.info("Pekko Management on {}; forming the cluster by {} discovery", uri, discovery);
    } catch (Exception e) {
      throw new IllegalStateException("Pekko Management could not start on port "
          + management.settings().getHttpPort() + " (monostore: MONOSTORE_MANAGEMENT_PORT)", e);
    }
    ClusterBootstrap.get(classic).start();
  }

  /**
   * A node the others downed (it was unreachable too long) stops its actor system and never rejoins
   * by itself: the process exits with status 1, so that whatever runs it starts a fresh node.
   */
  private void exitWhenDowned(ActorSystem<Void> system, ConfigurableApplicationContext context) {
    system.getWhenTerminated().thenRun(() -> {
      boolean downed = CoordinatedShutdown.get(system).getShutdownReason()
          .filter(CoordinatedShutdown.clusterDowningReason()::equals)
          .isPresent();
      if (downed && !closing) {
        log.error("The cluster downed this node; exiting so that it is started anew");
        Thread.ofPlatform().start(() -> System.exit(SpringApplication.exit(context, () -> 1)));
      }
    });
  }

  @EventListener(ApplicationReadyEvent.class)
  void serving() {
    shards.serving(true);
  }

  /** First of all on shutdown: the probes say not ready, and new nodes no longer find this one. */
  @EventListener(ContextClosedEvent.class)
  void stopping() {
    closing = true;
    shards.serving(false);
    heartbeat.ifPresent(NodeHeartbeat::close);
  }
}
