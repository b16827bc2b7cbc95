package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.monostore.cart.Cart;
import org.monostore.cart.CartState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The journal's compatibility, tested: every sample in journal-samples/ (the serializer id, manifest and
 * bytes an earlier version stored, see {@link JournalSampleWriter}) reads, with the store's serialization
 * settings, as the object it was written from; every event and snapshot type has a sample; what is
 * written now is stored under the type's stable name and reads back; and no persisted record holds a type
 * of the API's answers.
 */
class JournalCompatibilityTest {

  private static ActorTestKit testKit;
  private static Serialization serialization;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(
        ConfigFactory.parseResources("pekko/serialization.conf").withFallback(ConfigFactory.defaultReference()));
    serialization = SerializationExtension.get(testKit.system());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /** What each sample must read as: the objects it was written from, and the older forms of the cart's state. */
  private static Map<String, Object> expected() {
    Map<String, Object> expected = new LinkedHashMap<>(JournalSamples.all());
    expected.put("cart.CartState-before-the-move", new CartState("SE", "SEK", Cart.Status.LOCKED,
        List.of(new Cart.Line("BOOK-000001", "A Book", "Books", 2, 19_900)), "order-1", false, JournalSamples.AT,
        JournalSamples.AT.plusSeconds(5), List.of()));
    expected.put("cart.CartState-without-keys", new CartState("SE", "SEK", Cart.Status.OPEN,
        List.of(new Cart.Line("BOOK-000001", "Book", "Books", 2, 19_900)), null, false,
        java.time.Instant.parse("2026-11-30T12:00:00Z"), java.time.Instant.parse("2026-11-30T12:00:05Z"), List.of()));
    return expected;
  }

  private static Map<String, JsonNode> samples() throws IOException, URISyntaxException {
    Path folder = Path.of(JournalCompatibilityTest.class.getResource("/journal-samples").toURI());
    Map<String, JsonNode> samples = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        samples.put(file.getFileName().toString().replaceFirst("\\.json$", ""), json.readTree(file.toFile()));
      }
    }
    return samples;
  }

  /** A sample's name, without the version that wrote it: its file is {@code <name>@<commit>.json}. */
  private static String nameOf(String sample) {
    assertThat(sample).as("a sample's file name").contains("@");
    return sample.substring(0, sample.indexOf('@'));
  }

  @Test
  void everySampleReadsAsTheObjectItWasWrittenFrom() throws Exception {
    Map<String, Object> expected = expected();
    Map<String, JsonNode> samples = samples();
    assertThat(samples.keySet().stream().map(JournalCompatibilityTest::nameOf).distinct())
        .containsExactlyInAnyOrderElementsOf(expected.keySet());

    List<String> misread = new ArrayList<>();
    for (var sample : samples.entrySet()) {
      JsonNode row = sample.getValue();
      Object read;
      try {
        read = serialization.deserialize(Base64.getDecoder().decode(row.get("bytes").asText()),
            row.get("serializerId").asInt(), row.get("manifest").asText()).get();
      } catch (Exception e) { // Pekko's Try also throws its checked NotSerializableException
        misread.add(sample.getKey() + ": " + e);
        continue;
      }
      Object wanted = expected.get(nameOf(sample.getKey()));
      if (!read.equals(wanted)) {
        misread.add(sample.getKey() + ": read " + read + "\n    expected " + wanted);
      }
    }
    assertThat(misread).as("samples that do not read as they were written").isEmpty();
  }

  @Test
  void whatIsWrittenNowIsStoredUnderItsStableNameAndReadsBack() {
    for (var sample : expected().entrySet()) {
      Object persisted = sample.getValue();
      Serializer serializer = serialization.findSerializerFor(persisted);
      String manifest = Serializers.manifestFor(serializer, persisted);

      assertThat(serializer).as(sample.getKey()).isInstanceOf(PersistedSerializer.class);
      assertThat(manifest).as(sample.getKey()).isEqualTo(persisted.getClass().getAnnotation(PersistedAs.class).value());
      assertThat(sample.getKey()).startsWith(manifest);
      assertThat(serialization.deserialize(serialization.serialize(persisted).get(), serializer.identifier(), manifest)
          .get()).as(sample.getKey()).isEqualTo(persisted);
    }
  }

  @Test
  void everyPersistedTypeHasAStableNameASampleAndIsReadByTheSerializer() {
    Set<Class<?>> sampled = new HashSet<>();
    expected().values().forEach(sample -> sampled.add(sample.getClass()));
    Map<String, Class<?>> read = PersistedSerializer.typesByName(
        testKit.system().settings().config().getStringList("monostore.persisted.types"), getClass().getClassLoader());

    for (Class<?> type : persistedTypes()) {
      assertThat(type.getAnnotation(PersistedAs.class)).as(type.getName() + " has a @PersistedAs name").isNotNull();
      assertThat(read).as(type.getName() + " is in monostore.persisted.types").containsValue(type);
      assertThat(sampled).as(type.getName() + " has a sample in journal-samples/ (see JournalSampleWriter)")
          .contains(type);
    }
  }

  @Test
  void noPersistedRecordHoldsATypeOfTheApi() {
    List<String> apiTypes = new ArrayList<>();
    for (Class<?> type : persistedTypes()) {
      apiTypesIn(type, type.getSimpleName(), new HashSet<>(), apiTypes);
    }
    assertThat(apiTypes).as("API types (with @Schema, or views) inside persisted records").isEmpty();
  }

  private static void apiTypesIn(Class<?> type, String path, Set<Class<?>> seen, List<String> found) {
    if (!seen.add(type) || !type.getName().startsWith("org.monostore.")) {
      return;
    }
    if (type.isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)
        || type.getSimpleName().endsWith("View")) {
      found.add(path + ": " + type.getName());
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)) {
          found.add(path + "." + component.getName() + ": @Schema");
        }
        for (Class<?> inner : classesOf(component.getGenericType())) {
          apiTypesIn(inner, path + "." + component.getName(), seen, found);
        }
      }
    }
  }

  private static List<Class<?>> classesOf(Type type) {
    List<Class<?>> classes = new ArrayList<>();
    if (type instanceof Class<?> plain) {
      classes.add(plain);
    } else if (type instanceof ParameterizedType generic) {
      classes.add((Class<?>) generic.getRawType());
      for (Type argument : generic.getActualTypeArguments()) {
        classes.addAll(classesOf(argument));
      }
    }
    return classes;
  }

  /** Every concrete class in the store that is persisted. */
  private static List<Class<?>> persistedTypes() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(Persisted.class));
    List<Class<?>> types = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("org.monostore")) {
      try {
        types.add(Class.forName(candidate.getBeanClassName()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    assertThat(types).as("persisted types found").hasSizeGreaterThan(40);
    return types;
  }
}
