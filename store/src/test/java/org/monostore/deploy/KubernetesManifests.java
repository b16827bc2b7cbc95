package org.monostore.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The documents of deploy/kubernetes, parsed, with the lookups the checks need. */
final class KubernetesManifests {

  static final Path FOLDER = Path.of("../deploy/kubernetes");

  /** One YAML document: a Kubernetes object, or the kustomization. */
  record Manifest(Path file, Map<String, Object> content) {

    String kind() {
      return (String) content.get("kind");
    }

    String name() {
      return Yamls.string(content, "metadata", "name");
    }
  }

  private final List<Manifest> manifests;

  private KubernetesManifests(List<Manifest> manifests) {
    this.manifests = manifests;
  }

  static KubernetesManifests read() {
    List<Manifest> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file)) {
          for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
            if (document != null) {
              manifests.add(new Manifest(file, Yamls.map(document)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KubernetesManifests(manifests);
  }

  List<Manifest> all() {
    return manifests;
  }

  /** The one object of this kind. */
  Manifest one(String kind) {
    List<Manifest> found = manifests.stream().filter(manifest -> kind.equals(manifest.kind())).toList();
    if (found.size() != 1) {
      throw new AssertionError("Expected one " + kind + " in " + FOLDER + ", found " + found.size());
    }
    return found.getFirst();
  }

  Map<String, Object> deployment() {
    return one("Deployment").content();
  }

  Map<String, Object> podSpec() {
    return Yamls.map(deployment(), "spec", "template", "spec");
  }

  Map<String, String> podLabels() {
    return Yamls.strings(Yamls.map(deployment(), "spec", "template", "metadata", "labels"));
  }

  /** The store's container: the pod's only one. */
  Map<String, Object> container() {
    List<Object> containers = Yamls.list(podSpec(), "containers");
    if (containers.size() != 1) {
      throw new AssertionError("Expected the store's container alone in the pod, found " + containers.size());
    }
    return Yamls.map(containers.getFirst());
  }

  /** The container's environment variables by name: a value or a valueFrom. */
  Map<String, Map<String, Object>> environment() {
    Map<String, Map<String, Object>> environment = new LinkedHashMap<>();
    for (Object variable : Yamls.list(container(), "env")) {
      Map<String, Object> entry = Yamls.map(variable);
      if (environment.put((String) entry.get("name"), entry) != null) {
        throw new AssertionError("The variable " + entry.get("name") + " is set twice");
      }
    }
    return environment;
  }

  /** The container's port numbers by name. */
  Map<String, Integer> ports() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Object port : Yamls.list(container(), "ports")) {
      Map<String, Object> entry = Yamls.map(port);
      ports.put((String) entry.get("name"), (Integer) entry.get("containerPort"));
    }
    return ports;
  }

  /** The port number a probe or Service names, by name or by number. */
  int portNumber(Object port) {
    if (port instanceof Integer number) {
      return number;
    }
    Integer number = ports().get((String) port);
    if (number == null) {
      throw new AssertionError("No container port named " + port);
    }
    return number;
  }
}
