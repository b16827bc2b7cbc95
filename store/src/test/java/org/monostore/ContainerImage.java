package org.monostore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A container image as Jib's buildTar (and {@code docker save}) writes it, unpacked into a folder:
 * manifest.json names the configuration and the layers, oldest first.
 */
record ContainerImage(JsonNode config, List<Path> layers) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ContainerImage unpack(Path tarball, Path folder) throws IOException, InterruptedException {
    run("tar", "-xf", tarball.toString(), "-C", folder.toString());
    JsonNode manifest = JSON.readTree(folder.resolve("manifest.json")).get(0);
    return new ContainerImage(
        JSON.readTree(folder.resolve(manifest.get("Config").asString())),
        manifest.get("Layers").values().stream().map(layer -> folder.resolve(layer.asString())).toList());
  }

  String user() {
    return config.at("/config/User").asString();
  }

  String workingDirectory() {
    return config.at("/config/WorkingDir").asString();
  }

  List<String> entrypoint() {
    return config.at("/config/Entrypoint").values().stream().map(JsonNode::asString).toList();
  }

  /** As "8080/tcp". */
  Set<String> exposedPorts() {
    return new TreeSet<>(config.at("/config/ExposedPorts").propertyNames());
  }

  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (JsonNode variable : config.at("/config/Env").values()) {
      String[] nameAndValue = variable.asString().split("=", 2);
      environment.put(nameAndValue[0], nameAndValue[1]);
    }
    return environment;
  }

  /** Lays the layers one over the other into root, as a container runtime does. */
  void layOut(Path root) throws IOException, InterruptedException {
    for (Path layer : layers) {
      // Jib's layers carry libarchive's creation times, which GNU tar need not know. Neither Jib nor
      // the base writes whiteout files (deletions of a lower layer's files), so none are handled.
      run("tar", "--warning=no-unknown-keyword", "-xzf", layer.toString(), "-C", root.toString());
    }
  }

  static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output);
      }
    } finally {
      process.destroyForcibly();
    }
  }
}
