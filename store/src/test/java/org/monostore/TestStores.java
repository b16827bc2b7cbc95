package org.monostore;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts whole stores the way main() does, for tests that restart one or run several. */
public final class TestStores {

  private TestStores() {}

  /** A store with its own embedded PostgreSQL in the folder, and the test's own beans, if any. */
  public static ConfigurableApplicationContext withEmbeddedDatabase(
      Path directory, Map<String, Object> settings, Class<?>... testBeans) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("monostore.embedded-database.directory", directory.toString());
    return start(all, testBeans);
  }

  /** A store on the given database. */
  public static ConfigurableApplicationContext onDatabase(String jdbcUrl, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("spring.datasource.url", jdbcUrl);
    all.put("spring.datasource.username", "postgres");
    all.put("spring.datasource.password", "");
    return start(all);
  }

  public static int httpPort(ConfigurableApplicationContext store) {
    return Integer.parseInt(store.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** The ids of the entities of a kind that run on the store's node now. */
  public static Set<String> liveEntityIds(ActorSystem<?> system, EntityTypeKey<?> kind) {
    ShardRegion.CurrentShardRegionState state =
        AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                ClusterSharding.get(system).shardState(),
                replyTo -> new GetShardRegionState(kind, replyTo),
                Duration.ofSeconds(5),
                system.scheduler())
            .toCompletableFuture()
            .join();
    return state.getShards().stream()
        .flatMap(shard -> shard.getEntityIds().stream())
        .collect(Collectors.toSet());
  }

  /** A port nobody listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ConfigurableApplicationContext start(Map<String, Object> settings, Class<?>... testBeans) {
    Map<String, Object> all = new HashMap<>();
    all.put("server.port", "0");
    all.put("pekko.remote.artery.canonical.port", "0");
    // As in StoreTest: a test defines the promotions it prices with.
    all.put("monostore.promotion.demo-promotions", "false");
    all.put("monostore.stock.demo-stock", "false");
    all.putAll(settings);
    // As command-line arguments, so they outrank application.properties as they would in production.
    String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(MonoStoreApplication.class).sources(testBeans).run(args);
  }
}
