package org.monostore.platform;

import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pekko.remote.RemoteTransportException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * What a user can get wrong when starting the store, in the store's words: a port in use, a database
 * that cannot be reached, a setting that does not parse or breaks a constraint of its settings record
 * (the {@code *Settings} records, {@code @ConfigurationProperties}). Asked before Spring Boot's own analyzers;
 * {@link StartupFailureReport} prints the answer in one line.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureAnalyzer implements FailureAnalyzer {

  private static final Pattern HOST_AND_PORT = Pattern.compile("\\[([^\\]\\[]+):(\\d+)]");

  private final Environment environment;

  public StartupFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    if (find(failure, PortInUseException.class) instanceof PortInUseException http) {
      return analysis(
          "the HTTP port " + http.getPort() + " is in use",
          "Stop what listens on it, or start the store on another port with --server.port or PORT (0 picks a free one)",
          failure);
    }
    if (find(failure, RemoteTransportException.class) instanceof RemoteTransportException cluster
        && find(cluster, java.net.BindException.class) != null) {
      Matcher address = HOST_AND_PORT.matcher(String.valueOf(cluster.getMessage()));
      String port = address.find() ? address.group(2) + " on " + address.group(1) : "";
      return analysis(
          "the cluster's port " + port + " is in use, perhaps by another store on this machine",
          "Give this store another one with MONOSTORE_CLUSTER_PORT (0 picks a free one), or stop the process"
              + " that holds it",
          failure);
    }
    if (find(failure, SQLException.class) instanceof SQLException sql && sql.getSQLState() != null) {
      FailureAnalysis database = database(sql, failure);
      if (database != null) {
        return database;
      }
    }
    if (find(failure, BadSetting.class) instanceof BadSetting bad) {
      return badSetting(bad.name, bad.value, bad.expected, failure);
    }
    if (find(failure, InvalidConfigurationPropertyValueException.class)
        instanceof InvalidConfigurationPropertyValueException invalid) {
      return badSetting(invalid.getName(), invalid.getValue(), "valid (" + invalid.getReason() + ")", failure);
    }
    if (find(failure, BindValidationException.class) instanceof BindValidationException invalid) {
      return invalidSetting(invalid.getValidationErrors(), failure);
    }
    // The innermost binding that failed is the one of the setting itself, not of its settings record.
    BindException binding = causes(failure)
        .filter(cause -> cause instanceof BindException bind && bind.getProperty() != null)
        .map(BindException.class::cast)
        .reduce((outer, inner) -> inner)
        .orElse(null);
    if (binding != null) {
      return badSetting(binding.getName().toString(), binding.getProperty().getValue(),
          expected(binding.getTarget().getType().resolve(Object.class)), failure);
    }
    return null;
  }

  /** The first setting of a settings record that breaks one of its constraints, with what it must be. */
  private FailureAnalysis invalidSetting(ValidationErrors errors, Throwable failure) {
    for (ObjectError error : errors.getAllErrors()) {
      if (error instanceof FieldError field) {
        String name = errors.getName() + "." + kebabCase(field.getField());
        Object value = errors.getBoundProperties().stream()
            .filter(property -> property.getName().toString().equals(name))
            .map(ConfigurationProperty::getValue)
            .findFirst()
            .orElse(field.getRejectedValue());
        return badSetting(name, value, "allowed: it " + field.getDefaultMessage(), failure);
      }
    }
    return null;
  }

  /** A record component's path as a setting names it: {@code signIn.maxFailures} is {@code sign-in.max-failures}. */
  private static String kebabCase(String path) {
    return path.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** A setting whose value parses but makes no sense, found by whoever reads it. */
  static final class BadSetting extends IllegalArgumentException {
    private final String name;
    private final Object value;
    private final String expected;

    BadSetting(String name, Object value, String expected) {
      super("The setting " + name + " is '" + value + "', which is not " + expected);
      this.name = name;
      this.value = value;
      this.expected = expected;
    }
  }

  private FailureAnalysis database(SQLException sql, Throwable failure) {
    String url = environment.getProperty("spring.datasource.url", "(none)");
    // Only the address: a URL may carry a password in its parameters.
    String address = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    String setting = "spring.datasource.url (SPRING_DATASOURCE_URL); without it the store runs its own embedded"
        + " PostgreSQL";
    return switch (sql.getSQLState().substring(0, 2)) {
      case "08" -> analysis(
          "the database at " + address + " cannot be reached (" + rootMessage(sql) + ")",
          "Start PostgreSQL there, or point the store at a running one with " + setting, failure);
      case "28" -> analysis(
          "the database at " + address + " refused the user name or password",
          "Correct spring.datasource.username and spring.datasource.password (SPRING_DATASOURCE_USERNAME,"
              + " SPRING_DATASOURCE_PASSWORD)", failure);
      case "3D" -> analysis(
          "the database named in " + address + " does not exist",
          "Create it (createdb), or name an existing one in " + setting, failure);
      default -> null;
    };
  }

  private FailureAnalysis badSetting(String name, Object value, String expected, Throwable failure) {
    return analysis(
        "the setting " + name + " is '" + value + "', which is not " + expected,
        "Correct or remove it (" + whereGiven(name) + ")",
        failure);
  }

  private String whereGiven(String name) {
    if (environment instanceof ConfigurableEnvironment configurable) {
      for (PropertySource<?> source : configurable.getPropertySources()) {
        // Spring Boot's view of all the others comes first; the one behind it tells where.
        if (!source.getName().equals("configurationProperties") && source.containsProperty(name)) {
          return switch (source.getName()) {
            case "commandLineArgs" -> "given on the command line";
            case "systemEnvironment" -> "given as an environment variable";
            case "systemProperties" -> "given as a Java system property";
            default -> "given in " + source.getName();
          };
        }
      }
    }
    return "given on the command line, as an environment variable or in application.properties";
  }

  private static String expected(Class<?> type) {
    if (type == Duration.class) {
      return "a duration such as 5s, 500ms or 2m";
    }
    if (type == DataSize.class) {
      return "a size such as 16KB or 1MB";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type != null && type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    return "a valid " + (type == null ? "value" : type.getSimpleName());
  }

  private static FailureAnalysis analysis(String description, String action, Throwable failure) {
    return new FailureAnalysis(description, action, failure);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = rootCause(failure);
    if (root instanceof UnknownHostException) {
      return "unknown host " + root.getMessage();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  static Throwable rootCause(Throwable failure) {
    return causes(failure).reduce((cause, itsCause) -> itsCause).orElseThrow();
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    return causes(failure).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }

  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
  }
}
