package org.monostore.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Paths into parsed YAML, failing with the path that is missing or of the wrong shape. */
final class Yamls {

  private Yamls() {}

  static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        throw new AssertionError("No " + String.join(".", path) + " (missing at " + key + ")");
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String... path) {
    Object found = at(node, path);
    if (!(found instanceof Map<?, ?>)) {
      throw new AssertionError(String.join(".", path) + " is not a mapping: " + found);
    }
    return (Map<String, Object>) found;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, String... path) {
    Object found = at(node, path);
    if (!(found instanceof List<?>)) {
      throw new AssertionError(String.join(".", path) + " is not a list: " + found);
    }
    return (List<Object>) found;
  }

  static String string(Object node, String... path) {
    return String.valueOf(at(node, path));
  }

  /** A mapping's values as text: labels may be written unquoted, as numbers or booleans. */
  static Map<String, String> strings(Map<String, Object> map) {
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
    return strings;
  }
}
