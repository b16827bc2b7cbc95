package org.monostore.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.NotSerializableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;

/**
 * Writes {@link Persisted} events and snapshots as CBOR under their {@link PersistedAs} name. The body
 * is what Pekko's jackson-cbor serializer wrote before (its very ObjectMapper, with the same modules and
 * settings); only the manifest is the stable name instead of the class name. The types it reads are
 * those under {@code monostore.persisted.types} (sealed interfaces stand for all they permit).
 */
public final class PersistedSerializer extends SerializerWithStringManifest {

  /** Stored with every row this serializer writes: it must never change. */
  static final int IDENTIFIER = 1501;

  private static final ClassValue<String> NAMES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      PersistedAs name = type.getAnnotation(PersistedAs.class);
      if (name == null) {
        throw new IllegalArgumentException(type.getName() + " is persisted but has no @PersistedAs name");
      }
      return name.value();
    }
  };

  private final ObjectMapper mapper;
  private final Map<String, Class<?>> typesByName;

  public PersistedSerializer(ExtendedActorSystem system) {
    this.mapper = JacksonObjectMapperProvider.get(system).getOrCreate("jackson-cbor", Optional.of(new CBORFactory()));
    this.typesByName = typesByName(system.settings().config().getStringList("monostore.persisted.types"),
        system.dynamicAccess().classLoader());
  }

  /** The name each persisted type is stored under, for the concrete records under these types. */
  static Map<String, Class<?>> typesByName(List<String> typeNames, ClassLoader loader) {
    Map<String, Class<?>> byName = new HashMap<>();
    for (String typeName : typeNames) {
      try {
        add(Class.forName(typeName, false, loader), byName);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("monostore.persisted.types names no class " + typeName, e);
      }
    }
    return Map.copyOf(byName);
  }

  private static void add(Class<?> type, Map<String, Class<?>> byName) {
    if (type.isSealed()) {
      for (Class<?> permitted : type.getPermittedSubclasses()) {
        add(permitted, byName);
      }
      return;
    }
    Class<?> before = byName.put(NAMES.get(type), type);
    if (before != null && before != type) {
      throw new IllegalStateException(before.getName() + " and " + type.getName() + " are both persisted as "
          + NAMES.get(type));
    }
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object o) {
    return NAMES.get(o.getClass());
  }

  @Override
  public byte[] toBinary(Object o) {
    try {
      return mapper.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not write " + NAMES.get(o.getClass()), e);
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    Class<?> type = typesByName.get(manifest);
    if (type == null) {
      throw new NotSerializableException("No persisted type is named " + manifest);
    }
    try {
      return mapper.readValue(bytes, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not read " + manifest + ": " + e.getMessage(), e);
    }
  }
}
