package org.monostore.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.monostore.cart.Cart;

/**
 * Writes the journal samples that {@link JournalCompatibilityTest} reads: for each of
 * {@link JournalSamples}, the serializer id, manifest and bytes that the journal or snapshot store keeps
 * for it, as this version of the code writes them, and the bytes decoded, for a reader. Not a test:
 * run by hand from the repository's root on a committed version, with that commit's short id, and commit
 * what it wrote:
 *
 * <pre>
 * ./mvnw -o -q -pl store test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.monostore.platform.JournalSampleWriter \
 *     -Dexec.args="store/src/test/resources/journal-samples $(git rev-parse --short HEAD)"
 * </pre>
 *
 * Each sample goes to {@code <name>@<commit>.json}, and only if no sample of that name holds the same
 * serializer id, manifest and bytes: files are never rewritten, so the folder keeps every format an
 * earlier version stored, and a version adds only what it stores differently or newly.
 */
public final class JournalSampleWriter {

  private JournalSampleWriter() {}

  /** The cart's state as it was while it was the nested record {@code Cart.State}, before it had keys. */
  private record CartStateBeforeTheMove(
      String market, String currency, Cart.Status status, List<Cart.Line> lines, String orderId, Instant createdAt,
      Instant updatedAt) {}

  private static final String SNAPSHOT_WITHOUT_KEYS =
      "v2ZtYXJrZXRiU0VoY3VycmVuY3ljU0VLZnN0YXR1c2RPUEVOZWxpbmVzgb9jc2t1a0JPT0stMDAw"
      + "MDAxZG5hbWVkQm9va2hjYXRlZ29yeWVCb29rc2hxdWFudGl0eQJpdW5pdFByaWNlGU28/2dvcmRlcklk9mljcmVhdGVkQXR0MjAy"
      + "Ni0xMS0zMFQxMjowMDowMFppdXBkYXRlZEF0dDIwMjYtMTEtMzBUMTI6MDA6MDVa/w==";

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    String version = args[1];
    Files.createDirectories(folder);
    Config config =
        ConfigFactory.parseResources("pekko/serialization.conf").withFallback(ConfigFactory.defaultReference());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "journal-samples", config);
    try {
      Serialization serialization = SerializationExtension.get(system);
      ObjectMapper json = new ObjectMapper();
      ObjectMapper cbor = new ObjectMapper(new CBORFactory());
      for (Map.Entry<String, Object> sample : JournalSamples.all().entrySet()) {
        Serializer serializer = serialization.findSerializerFor(sample.getValue());
        write(folder, version, json, cbor, sample.getKey(), sample.getValue().getClass().getName(),
            serializer.identifier(),
            Serializers.manifestFor(serializer, sample.getValue()), serialization.serialize(sample.getValue()).get());
      }
      Cart.Line line = new Cart.Line("BOOK-000001", "A Book", "Books", 2, 19_900);
      ObjectMapper pekkoCbor = JacksonObjectMapperProvider.get(system).getOrCreate("jackson-cbor",
          Optional.of(new CBORFactory()));
      byte[] beforeTheMove = pekkoCbor.writeValueAsBytes(new CartStateBeforeTheMove("SE", "SEK", Cart.Status.LOCKED,
          List.of(line), "order-1", JournalSamples.AT, JournalSamples.AT.plusSeconds(5)));
      int cborSerializer = serialization.serializerFor(CborSerializable.class).identifier();
      write(folder, version, json, cbor, "cart.CartState-before-the-move", "org.monostore.cart.Cart$State",
          cborSerializer,
          "org.monostore.cart.Cart$State", beforeTheMove);
      // A row of the snapshot store from before carts remembered Idempotency-Keys (from CartStateMigrationTest).
      write(folder, version, json, cbor, "cart.CartState-without-keys", "org.monostore.cart.CartState", cborSerializer,
          "org.monostore.cart.CartState", Base64.getDecoder().decode(SNAPSHOT_WITHOUT_KEYS));
    } finally {
      system.terminate();
    }
  }

  private static void write(Path folder, String version, ObjectMapper json, ObjectMapper cbor, String name,
      String type, int serializerId, String manifest, byte[] bytes) throws IOException {
    String encoded = Base64.getEncoder().encodeToString(bytes);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path earlier : files.filter(file -> file.getFileName().toString().startsWith(name + "@")).toList()) {
        JsonNode sample = json.readTree(earlier.toFile());
        if (sample.get("serializerId").asInt() == serializerId && sample.get("manifest").asText().equals(manifest)
            && sample.get("bytes").asText().equals(encoded)) {
          return;
        }
      }
    }
    Path file = folder.resolve(name + "@" + version + ".json");
    ObjectNode row = json.createObjectNode();
    row.put("type", type);
    row.put("serializerId", serializerId);
    row.put("manifest", manifest);
    row.put("bytes", encoded);
    row.set("decoded", cbor.readTree(bytes));
    Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(row) + "\n");
    System.out.println("wrote " + file);
  }
}
