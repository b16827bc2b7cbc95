package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the store reads is in the README's one table of settings ("Configuration"), and every
 * {@code monostore.*} and {@code MONOSTORE_*} name the table gives is read. Read means: a property of a
 * {@code @ConfigurationProperties} record of org.monostore ({@link SettingsRecords}); a
 * {@code monostore.*} path that Pekko's configuration (application.conf and the files it includes)
 * defines, and a {@code ${?MONOSTORE_...}} variable it reads; a placeholder or {@code monostore.*} key
 * of application.properties; and a name the main code asks its {@code Environment},
 * {@code System.getenv} or {@code @ConditionalOnProperty} for.
 */
class SettingsDocumentedTest {

  private static final Path README = Path.of("../README.md");
  private static final Path MAIN_CODE = Path.of("src/main/java");
  private static final String TABLE_HEADER = "| setting | environment variable | default | what |";
  /** Spring Boot publishes it (the port it bound); nobody gives it. */
  private static final Set<String> NOT_SETTINGS = Set.of("local.server.port");

  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern OPTIONAL_SUBSTITUTION = Pattern.compile("\\$\\{\\?([A-Za-z0-9_]+)}");
  private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");
  private static final Pattern READ_IN_CODE = Pattern.compile(
      "(?<!System)\\.(?:get|getRequired|contains)Property\\(\"([^\"]+)\""
          + "|getenv\\((?:\\)\\.getOrDefault\\()?\"([^\"]+)\""
          + "|@ConditionalOnProperty\\((?:name = )?\"([^\"]+)\"");

  @Test
  void everySettingTheStoreReadsIsInTheReadmesTable() throws IOException {
    Set<String> undocumented = new TreeSet<>(read());
    undocumented.removeAll(documented());

    assertThat(undocumented).as("settings the store reads that the README's table (%s) does not name", TABLE_HEADER)
        .isEmpty();
  }

  @Test
  void everyStoreSettingTheTableNamesIsRead() throws IOException {
    Set<String> read = read();
    // Spring Boot's relaxed binding reads monostore.cart.max-lines also as MONOSTORE_CART_MAX_LINES.
    Set<String> readFromTheEnvironment = new TreeSet<>(read);
    read.forEach(name -> readFromTheEnvironment.add(name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")));

    assertThat(documented())
        .filteredOn(name -> name.startsWith("monostore.") || name.startsWith("MONOSTORE_"))
        .as("settings the README's table names that the store does not read")
        .isSubsetOf(readFromTheEnvironment);
  }

  /** The names in the table's first two columns; {@code .max-lines} after {@code monostore.cart.x} is its sibling. */
  private static Set<String> documented() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int header = lines.indexOf(TABLE_HEADER);
    assertThat(header).as("the README has the settings table").isNotNegative();
    Set<String> names = new TreeSet<>();
    for (String row : lines.subList(header + 2, lines.size())) {
      if (!row.startsWith("|")) {
        break;
      }
      String[] cells = row.split("\\|");
      String previous = null;
      for (String cell : List.of(cells[1], cells[2])) {
        Matcher name = BACKTICKED.matcher(cell);
        while (name.find()) {
          String token = name.group(1);
          if (token.startsWith(".") && previous != null) {
            token = previous.substring(0, previous.lastIndexOf('.')) + token;
          }
          names.add(token);
          previous = token;
        }
      }
    }
    return names;
  }

  private static Set<String> read() throws IOException {
    Set<String> read = new TreeSet<>();
    read.addAll(SettingsRecords.settings());
    read.addAll(pekkoSettings());
    read.addAll(applicationProperties());
    read.addAll(readInCode());
    read.removeAll(NOT_SETTINGS);
    return read;
  }

  private static Set<String> pekkoSettings() {
    Set<String> names = new TreeSet<>();
    String root = resource("application.conf");
    collect(OPTIONAL_SUBSTITUTION, root, names);
    Matcher include = INCLUDE.matcher(root);
    while (include.find()) {
      collect(OPTIONAL_SUBSTITUTION, resource(include.group(1)), names);
    }
    Config pekko = ConfigFactory.parseResourcesAnySyntax("application.conf")
        .withFallback(ConfigFactory.defaultReference())
        .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    pekko.getConfig("monostore").entrySet().forEach(entry -> names.add("monostore." + entry.getKey()));
    return names;
  }

  private static Set<String> applicationProperties() {
    Set<String> names = new TreeSet<>();
    String properties = resource("application.properties");
    collect(PLACEHOLDER, properties, names);
    properties.lines()
        .filter(line -> line.startsWith("monostore."))
        .forEach(line -> names.add(line.substring(0, line.indexOf('=')).strip()));
    return names;
  }

  private static Set<String> readInCode() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN_CODE)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        Matcher read = READ_IN_CODE.matcher(Files.readString(file));
        while (read.find()) {
          for (int group = 1; group <= read.groupCount(); group++) {
            if (read.group(group) != null) {
              names.add(read.group(group));
            }
          }
        }
      }
    }
    return names;
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }

  private static String resource(String name) {
    try (var in = SettingsDocumentedTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as("%s on the store's classpath", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
