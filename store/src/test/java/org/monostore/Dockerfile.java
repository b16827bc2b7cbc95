package org.monostore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The instructions of a Dockerfile's last stage, the image it builds, as keyword and arguments. */
record Dockerfile(List<String[]> instructions) {

  static Dockerfile read(Path file) throws IOException {
    String text = Files.readString(file).replaceAll("\\\\\\R", " ");
    List<String[]> stage = new ArrayList<>();
    for (String line : text.lines().map(String::strip).toList()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] instruction = line.split("\\s+", 2);
      if (instruction[0].equalsIgnoreCase("FROM")) {
        stage.clear();
      }
      stage.add(instruction);
    }
    return new Dockerfile(List.copyOf(stage));
  }

  /** The arguments of the last instruction of this keyword. */
  String last(String keyword) {
    return all(keyword).getLast();
  }

  /** As "8080/tcp". */
  Set<String> exposedPorts() {
    Set<String> ports = new TreeSet<>();
    for (String expose : all("EXPOSE")) {
      Arrays.stream(expose.split("\\s+")).map(port -> port.contains("/") ? port : port + "/tcp").forEach(ports::add);
    }
    return ports;
  }

  /** The ENTRYPOINT in its exec (JSON) form. */
  List<String> entrypoint() {
    JsonNode entrypoint = JsonMapper.builder().build().readTree(last("ENTRYPOINT"));
    return entrypoint.values().stream().map(JsonNode::asString).toList();
  }

  private List<String> all(String keyword) {
    return instructions.stream()
        .filter(instruction -> instruction[0].equalsIgnoreCase(keyword))
        .map(instruction -> instruction[1])
        .toList();
  }
}
