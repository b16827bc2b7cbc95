package org.monostore.platform;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/** The Pekko actor system, one per application, and the cluster sharding its entities live in. */
@Configuration(proxyBeanMethods = false)
class ActorSystemConfiguration {

  /** Started after Flyway, so the journal's tables exist before the first entity recovers. */
  @Bean(destroyMethod = "")
  @DependsOn("flywayInitializer")
  ActorSystem<Void> actorSystem(ConfigurableEnvironment env) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "monostore", pekkoConfig(env));
    Cluster cluster = Cluster.get(system);
    if (system.settings().config().getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    return system;
  }

  @Bean
  ClusterSharding clusterSharding(ActorSystem<Void> system) {
    return ClusterSharding.get(system);
  }

  /** Leaves the cluster gracefully, handing shards over, before the database goes away. */
  @Bean
  AutoCloseable actorSystemShutdown(ActorSystem<Void> system) {
    return () ->
        CoordinatedShutdown.get(system)
            .runAll(CoordinatedShutdown.unknownReason())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
  }

  /**
   * The file named by {@code monostore.pekko.config} (default application.conf; local1.conf etc.
   * for a three-node dev cluster), under the database settings from spring.datasource.* and every
   * Spring property that starts with "pekko.", so tests and deployments can set any Pekko setting
   * the way they set Spring's.
   */
  static Config pekkoConfig(ConfigurableEnvironment env) {
    Map<String, Object> overrides = new HashMap<>();
    for (var source : env.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          if (name.startsWith("pekko.") && !overrides.containsKey(name)) {
            overrides.put(name, env.getProperty(name));
          }
        }
      }
    }
    overrides.put("monostore.database.url", env.getRequiredProperty("spring.datasource.url"));
    overrides.put("monostore.database.user", env.getProperty("spring.datasource.username", ""));
    overrides.put("monostore.database.password", env.getProperty("spring.datasource.password", ""));
    String file = env.getProperty("monostore.pekko.config", "application.conf");
    return ConfigFactory.load(
        ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.parseResourcesAnySyntax(file)));
  }

  static Duration idleTimeout(ActorSystem<?> system) {
    return system.settings().config()
        .getDuration("pekko.cluster.sharding.passivation.default-idle-strategy.idle-timeout");
  }
}
