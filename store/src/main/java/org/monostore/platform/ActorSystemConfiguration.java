package org.monostore.platform;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
  ActorSystem<Void> actorSystem(ConfigurableEnvironment env, PlatformSettings settings) {
    // Not yet a member: cluster/ClusterFormation joins it.
    return ActorSystem.create(Behaviors.empty(), "monostore", pekkoConfig(env, settings.pekko().config()));
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
   * The file named by {@code monostore.pekko.config} (default application.conf), under the database
   * settings from spring.datasource.* and every Spring property that starts with "pekko." or
   * "monostore.cluster.", so tests and deployments can set any Pekko or cluster setting the way they
   * set Spring's.
   */
  static Config pekkoConfig(ConfigurableEnvironment env, String file) {
    Config overrides = ConfigFactory.empty();
    for (var source : env.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          if ((name.startsWith("pekko.") || name.startsWith("monostore.cluster.")) && !overrides.hasPathOrNull(name)) {
            overrides = overrides.withFallback(setting(name, env.getProperty(name)));
          }
        }
      }
    }
    Map<String, Object> database = Map.of(
        "monostore.database.url", env.getRequiredProperty("spring.datasource.url"),
        "monostore.database.user", env.getProperty("spring.datasource.username", ""),
        "monostore.database.password", env.getProperty("spring.datasource.password", ""));
    return ConfigFactory.load(
        ConfigFactory.parseMap(database)
            .withFallback(overrides)
            .withFallback(ConfigFactory.parseResourcesAnySyntax(file)));
  }

  /** A value in [brackets] is a HOCON list, e.g. seed nodes; anything else is taken as it is. */
  private static Config setting(String name, String value) {
    if (value != null && value.strip().startsWith("[")) {
      return ConfigFactory.parseString(name + " = " + value);
    }
    return ConfigFactory.parseMap(Map.of(name, value == null ? "" : value));
  }

}
