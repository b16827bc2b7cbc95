package org.monostore.deploy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.monostore.platform.SettingsRecords;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The store's own settings, read from where the store reads them, for checking deployment files
 * against: the defaults of its ports and probe paths, the environment variables it reads, its
 * connection pools and how long it takes to shut down.
 *
 * <p>An environment variable is one the store reads when it is
 * <ul>
 *   <li>a {@code ${?NAME}} substitution in application.conf or a file it includes (pekko/*.conf),
 *   <li>a {@code ${NAME:default}} placeholder in application.properties ({@code PORT}), or
 *   <li>the name Spring Boot's relaxed binding maps onto a property the store reads: a key of
 *       application.properties, a setting of the store's settings records, a {@code monostore.*},
 *       {@code spring.*}, {@code server.*} or
 *       {@code management.*} name in a {@code ${...}} placeholder or {@code getProperty("...")} of the
 *       store's main code, or a property in Spring Boot's configuration metadata. The mapping is
 *       Spring's own ({@link SystemEnvironmentPropertySource}), so {@code SPRING_DATASOURCE_URL} is
 *       {@code spring.datasource.url} and a misspelt name is none.
 * </ul>
 */
final class StoreSettings {

  private static final Pattern OPTIONAL_SUBSTITUTION = Pattern.compile("\\$\\{\\?([A-Za-z0-9_]+)}");
  private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);
  private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");
  private static final Pattern PROPERTY_IN_CODE =
      Pattern.compile("(?:\\$\\{|getProperty\\(\")((?:monostore|spring|server|management)\\.[a-z0-9.-]+)");
  private static final Path MAIN_CODE = Path.of("src/main/java");

  private final Config pekko;
  private final Properties application;
  private final Set<String> pekkoEnvironmentNames;
  private final Set<ConfigurationPropertyName> readProperties;
  private final Map<String, String> springDefaults;

  private StoreSettings(Config pekko, Properties application, Set<String> pekkoEnvironmentNames,
      Set<ConfigurationPropertyName> readProperties, Map<String, String> springDefaults) {
    this.pekko = pekko;
    this.application = application;
    this.pekkoEnvironmentNames = pekkoEnvironmentNames;
    this.readProperties = readProperties;
    this.springDefaults = springDefaults;
  }

  static StoreSettings read() {
    Properties application = new Properties();
    try (InputStream in = resource("application.properties").openStream()) {
      application.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // No environment: the defaults, whatever the machine running the test has set.
    Config pekko = ConfigFactory.parseResourcesAnySyntax("application.conf")
        .withFallback(ConfigFactory.defaultReference())
        .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    Set<ConfigurationPropertyName> read = new HashSet<>();
    Map<String, String> springDefaults = new HashMap<>();
    application.stringPropertyNames().forEach(name -> read.add(ConfigurationPropertyName.adapt(name, '.')));
    propertiesInMainCode().forEach(name -> read.add(ConfigurationPropertyName.adapt(name, '.')));
    SettingsRecords.settings().forEach(name -> read.add(ConfigurationPropertyName.of(name)));
    springBootMetadata(read, springDefaults);
    return new StoreSettings(pekko, application, pekkoEnvironmentNames(), read, springDefaults);
  }

  /** Pekko's configuration as the store loads it, without any environment variable. */
  Config pekko() {
    return pekko;
  }

  /** The HTTP port's default: server.port's placeholder default in application.properties. */
  int httpPort() {
    Matcher placeholder = ENVIRONMENT_PLACEHOLDER.matcher(application.getProperty("server.port"));
    if (!placeholder.matches()) {
      return Integer.parseInt(application.getProperty("server.port"));
    }
    return Integer.parseInt(placeholder.group(2));
  }

  int managementPort() {
    return pekko.getInt("pekko.management.http.port");
  }

  int remotingPort() {
    return pekko.getInt("pekko.remote.artery.canonical.port");
  }

  /** Pekko Management's probe paths, from its reference.conf (and anything the store sets over it). */
  String readinessPath() {
    return managementPath(pekko.getString("pekko.management.health-checks.readiness-path"));
  }

  String livenessPath() {
    return managementPath(pekko.getString("pekko.management.health-checks.liveness-path"));
  }

  private String managementPath(String path) {
    String base = pekko.getString("pekko.management.http.base-path");
    return "/" + (base.isEmpty() ? "" : base + "/") + path;
  }

  /** Spring Boot's liveness group, served when application.properties enables the probes. */
  String springLivenessPath() {
    if (!"true".equals(application.getProperty("management.endpoint.health.probes.enabled"))) {
      throw new AssertionError("application.properties does not enable the health probes");
    }
    return application.getProperty("management.endpoints.web.base-path", "/actuator") + "/health/liveness";
  }

  /**
   * The connections one node opens at most: Spring's pool (HTTP, projections, the discovery) and the
   * journal's and the queries' own pools (pekko/persistence.conf).
   */
  int connectionsPerNode() {
    return Integer.parseInt(application.getProperty("spring.datasource.hikari.maximum-pool-size"))
        + pekko.getInt("jdbc-journal.slick.db.maxConnections")
        + pekko.getInt("pekko-persistence-jdbc.shared-databases.queries.db.maxConnections");
  }

  /**
   * The longest a node takes to leave the cluster after SIGTERM: Spring's graceful shutdown answers
   * the requests in flight (at most spring.lifecycle.timeout-per-shutdown-phase, given or Spring's
   * default), then Pekko's coordinated shutdown runs its phases from before-cluster-shutdown to
   * cluster-shutdown, each at most its timeout; once they are done the node's shards are handed over.
   */
  Duration shutdown(String lifecycleTimeoutGiven) {
    String lifecycle = lifecycleTimeoutGiven != null ? lifecycleTimeoutGiven
        : springDefaults.get("spring.lifecycle.timeout-per-shutdown-phase");
    Duration total = DurationStyle.detectAndParse(lifecycle);
    Config phases = pekko.getConfig("pekko.coordinated-shutdown.phases");
    String phase = "cluster-shutdown";
    while (true) {
      Config settings = phases.getConfig(quoted(phase));
      total = total.plus(settings.hasPath("timeout") ? settings.getDuration("timeout")
          : pekko.getDuration("pekko.coordinated-shutdown.default-phase-timeout"));
      if (phase.equals("before-cluster-shutdown")) {
        return total;
      }
      List<String> dependsOn = settings.getStringList("depends-on");
      if (dependsOn.size() != 1) {
        throw new AssertionError("Coordinated shutdown phase " + phase + " depends on " + dependsOn);
      }
      phase = dependsOn.getFirst();
    }
  }

  /** Whether the store reads the environment variable {@code name} (see the class comment for the rule). */
  boolean reads(String name) {
    if (pekkoEnvironmentNames.contains(name) || applicationPlaceholders().contains(name)) {
      return true;
    }
    ConfigurationPropertySource source = ConfigurationPropertySources.from(
        new SystemEnvironmentPropertySource("environment", Map.of(name, "set"))).iterator().next();
    return readProperties.stream().anyMatch(property -> source.getConfigurationProperty(property) != null);
  }

  private Set<String> applicationPlaceholders() {
    Set<String> names = new TreeSet<>();
    for (String value : application.stringPropertyNames().stream().map(application::getProperty).toList()) {
      Matcher placeholder = ENVIRONMENT_PLACEHOLDER.matcher(value);
      while (placeholder.find()) {
        names.add(placeholder.group(1));
      }
    }
    return names;
  }

  private static Set<String> pekkoEnvironmentNames() {
    Set<String> names = new TreeSet<>();
    String root = text(resource("application.conf"));
    collect(OPTIONAL_SUBSTITUTION, root, names);
    Matcher include = INCLUDE.matcher(root);
    while (include.find()) {
      collect(OPTIONAL_SUBSTITUTION, text(resource(include.group(1))), names);
    }
    return names;
  }

  private static Set<String> propertiesInMainCode() {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN_CODE)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        collect(PROPERTY_IN_CODE, Files.readString(file), names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Every property in Spring Boot's configuration metadata, with the defaults it documents. */
  private static void springBootMetadata(Set<ConfigurationPropertyName> read, Map<String, String> defaults) {
    ObjectMapper json = new ObjectMapper();
    try {
      for (URL file : Collections.list(StoreSettings.class.getClassLoader()
          .getResources("META-INF/spring-configuration-metadata.json"))) {
        for (JsonNode property : json.readTree(text(file)).path("properties")) {
          String name = property.path("name").asString();
          if (ConfigurationPropertyName.isValid(name)) {
            read.add(ConfigurationPropertyName.of(name));
            if (property.path("defaultValue").isValueNode()) {
              defaults.put(name, property.get("defaultValue").asString());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }

  private static URL resource(String name) {
    URL url = StoreSettings.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new AssertionError("No " + name + " on the store's classpath");
    }
    return url;
  }

  private static String text(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String path) {
    return "\"" + path + "\"";
  }
}
