package org.monostore.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/azure/main.bicep, read as far as the checks need: the parameters' defaults, and each
 * resource's body as maps and lists, the way {@link Yamls} reads them. Strings are their text without
 * quotes; any other expression (a function call, a condition, a reference) is kept as its source text.
 * No Bicep compiler runs on this machine: this parser knows object and array literals, strings,
 * comments and expressions, nothing of Bicep's types.
 */
final class BicepTemplate {

  static final Path FILE = Path.of("../deploy/azure/main.bicep");

  private static final Pattern PARAMETER = Pattern.compile("^param\\s+(\\w+)\\s+\\w+\\s*=\\s*(.+)$", Pattern.MULTILINE);
  private static final Pattern RESOURCE = Pattern.compile("^resource\\s+(\\w+)\\s+'([^'@]+)@[^']+'\\s*=\\s*", Pattern.MULTILINE);

  /** One resource: its symbolic name, its type without the API version, and its body. */
  record Resource(String symbol, String type, Map<String, Object> body) {}

  private final String text;
  private int at;

  private BicepTemplate(String text) {
    this.text = text;
  }

  static String read() {
    try {
      return Files.readString(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each parameter's default, as written (a number, or a string without its quotes). */
  static Map<String, String> parameterDefaults(String template) {
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher parameter = PARAMETER.matcher(template);
    while (parameter.find()) {
      defaults.put(parameter.group(1), unquoted(parameter.group(2).strip()));
    }
    return defaults;
  }

  static List<Resource> resources(String template) {
    List<Resource> resources = new ArrayList<>();
    Matcher resource = RESOURCE.matcher(template);
    while (resource.find()) {
      BicepTemplate parser = new BicepTemplate(template);
      parser.at = resource.end();
      resources.add(new Resource(resource.group(1), resource.group(2), Yamls.map(parser.value())));
    }
    return resources;
  }

  private Object value() {
    skipSpace();
    return switch (text.charAt(at)) {
      case '{' -> object();
      case '[' -> array();
      case '\'' -> string();
      default -> expression();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> object = new LinkedHashMap<>();
    at++;
    while (true) {
      skipSpace();
      if (text.charAt(at) == '}') {
        at++;
        return object;
      }
      String key = text.charAt(at) == '\'' ? string() : identifier();
      skipSpace();
      expect(':');
      object.put(key, value());
    }
  }

  private List<Object> array() {
    List<Object> array = new ArrayList<>();
    at++;
    while (true) {
      skipSpace();
      if (text.charAt(at) == ']') {
        at++;
        return array;
      }
      array.add(value());
    }
  }

  private String string() {
    StringBuilder string = new StringBuilder();
    at++;
    while (text.charAt(at) != '\'') {
      if (text.charAt(at) == '\\') {
        at++;
      }
      string.append(text.charAt(at++));
    }
    at++;
    return string.toString();
  }

  /** Up to the end of its line, or further while a bracket or a string it opened is still open. */
  private String expression() {
    int start = at;
    int depth = 0;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\'') {
        string();
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == '\n' && depth == 0) {
        break;
      }
      at++;
    }
    return text.substring(start, at).strip();
  }

  private String identifier() {
    int start = at;
    while (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_') {
      at++;
    }
    if (start == at) {
      throw new AssertionError("Expected a name at " + FILE + " offset " + at + ": " + excerpt());
    }
    return text.substring(start, at);
  }

  private void expect(char c) {
    if (text.charAt(at) != c) {
      throw new AssertionError("Expected '" + c + "' at " + FILE + " offset " + at + ": " + excerpt());
    }
    at++;
  }

  /** Spaces, line breaks, commas between entries, and // comments. */
  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (Character.isWhitespace(c) || c == ',') {
        at++;
      } else if (text.startsWith("//", at)) {
        at = text.indexOf('\n', at);
      } else {
        return;
      }
    }
  }

  private String excerpt() {
    return text.substring(at, Math.min(text.length(), at + 40));
  }

  private static String unquoted(String value) {
    return value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1) : value;
  }
}
