package org.monostore;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.platform.EmbeddedDatabase;

/**
 * The store's container image as the build writes it (store/pom.xml: Jib's buildTar, here on a base
 * made from this machine's JDK by src/image/local-base-image.sh): what its configuration says, that
 * the Dockerfile says the same, and the store started from its layers the way a container runtime
 * starts it: in a root of its own, with the image's entrypoint, environment, user and working
 * directory, on a PostgreSQL of the test's.
 */
class ContainerImageIT {

  private static final Path TARBALL = Path.of("target/image/monostore.tar");
  private static final Path DOCKERFILE = Path.of("Dockerfile");
  private static final String MAIN_CLASS = MonoStoreApplication.class.getName();
  private static final Duration START_PATIENCE = Duration.ofMinutes(3);
  /** A stopped container is killed after this long: Kubernetes' terminationGracePeriodSeconds. */
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(45);

  @TempDir static Path imageFolder;
  private static ContainerImage image;

  @BeforeAll
  static void unpackImage() throws Exception {
    assertThat(TARBALL).as("the image built by the build's pre-integration-test phase").isRegularFile();
    image = ContainerImage.unpack(TARBALL, imageFolder);
  }

  @Test
  void theImageRunsTheStoreWithContainerFlagsAsAUserWhoIsNotRoot() {
    assertThat(uid(image.user())).as("the image's user").isNotZero();
    assertThat(image.entrypoint())
        .startsWith("java")
        .contains("-XX:MaxRAMPercentage=75", "-XX:+UseCompactObjectHeaders", "-XX:+ExitOnOutOfMemoryError")
        .containsSubsequence("-cp", "@/app/jib-classpath-file")
        .endsWith(MAIN_CLASS);
    assertThat(image.exposedPorts()).containsExactlyInAnyOrder("8080/tcp", "8558/tcp", "7355/tcp");
    assertThat(image.environment())
        .containsEntry("JAVA_HOME", "/opt/java/openjdk")
        .containsEntry("HOME", image.workingDirectory());
    assertThat(image.environment().get("PATH")).startsWith("/opt/java/openjdk/bin:");
  }

  @Test
  void theDockerfileBuildsTheSameContainer() throws IOException {
    Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);

    assertThat(dockerfile.last("USER")).as("USER").isEqualTo(image.user());
    assertThat(dockerfile.last("WORKDIR")).as("WORKDIR").isEqualTo(image.workingDirectory());
    assertThat(dockerfile.last("ENV")).as("ENV").isEqualTo("HOME=" + image.environment().get("HOME"));
    assertThat(dockerfile.exposedPorts()).as("EXPOSE").isEqualTo(image.exposedPorts());
    List<String> entrypoint = dockerfile.entrypoint();
    assertThat(entrypoint.getFirst()).isEqualTo(image.entrypoint().getFirst());
    assertThat(jvmFlags(entrypoint)).as("JVM flags").isEqualTo(jvmFlags(image.entrypoint()));
    assertThat(entrypoint.getLast()).as("main class").isEqualTo(image.entrypoint().getLast());
  }

  @Test
  void theStoreStartedFromTheImageServesTheApiAndTheAdminUi(@TempDir Path root, @TempDir Path host)
      throws Exception {
    image.layOut(root);
    Path workingDirectory = root.resolve(image.workingDirectory().substring(1));
    assertThat(Files.getAttribute(workingDirectory, "unix:gid")).as("working directory's group").isEqualTo(gid(image.user()));
    assertThat(Files.getPosixFilePermissions(workingDirectory)).as("working directory").contains(PosixFilePermission.GROUP_WRITE);
    int httpPort = TestStores.freePort();
    Path log = host.resolve("store.log");

    try (EmbeddedPostgres database = EmbeddedDatabase.start(host.resolve("postgres"), 0)) {
      Process store = startContainer(root, Map.of(
          "PORT", String.valueOf(httpPort),
          "MONOSTORE_CLUSTER_PORT", "0",
          "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres",
          "SPRING_DATASOURCE_USERNAME", "postgres",
          "SPRING_DATASOURCE_PASSWORD", ""), log);
      try {
        awaitReady(store, httpPort, log);
        assertThat(processStatus(store, "Uid")).as("the store's uid").startsWith(uid(image.user()) + "\t");
        assertThat(processStatus(store, "Gid")).as("the store's gid").startsWith(gid(image.user()) + "\t");
        assertThat(Files.readSymbolicLink(Path.of("/proc", String.valueOf(store.pid()), "cwd")))
            .as("the store's working directory").isEqualTo(workingDirectory.toRealPath());

        HttpResponse<String> product = get(httpPort, "/api/products/BOOK-000001");
        assertThat(product.statusCode()).as(product.body()).isEqualTo(200);
        assertThat(product.body()).contains("\"sku\":\"BOOK-000001\"");

        HttpResponse<String> adminUi = get(httpPort, "/admin/");
        assertThat(adminUi.statusCode()).isEqualTo(200);
        assertThat(adminUi.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        Matcher script = Pattern.compile("src=\"(/admin/_next/static/[^\"]+\\.js)\"").matcher(adminUi.body());
        assertThat(script.find()).as("a script of the admin UI in %s", adminUi.body()).isTrue();
        assertThat(get(httpPort, script.group(1)).statusCode()).as(script.group(1)).isEqualTo(200);

        // docker stop, or Kubernetes: SIGTERM, then SIGKILL after the grace period.
        store.destroy();
        assertThat(store.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS))
            .as("stopped within %s of SIGTERM; log:%n%s", STOP_PATIENCE, tail(log)).isTrue();
      } finally {
        store.destroyForcibly();
        store.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Runs the image's entrypoint in root as a container runtime would: with the image's environment
   * (and the given settings) only, root as /, a /proc and the usual devices, as the image's user in
   * its working directory. unshare (util-linux) does that in place and then runs the entrypoint, so
   * the process returned is the JVM itself; its /proc mount lives in a mount namespace of its own that
   * goes away with it. Needs root, as CI and the developers' machines have.
   */
  private static Process startContainer(Path root, Map<String, String> settings, Path log) throws Exception {
    Files.createDirectories(root.resolve("proc"));
    Path dev = Files.createDirectories(root.resolve("dev"));
    for (Map.Entry<String, String> device : Map.of("null", "3", "zero", "5", "random", "8", "urandom", "9").entrySet()) {
      ContainerImage.run("mknod", "-m", "666", dev.resolve(device.getKey()).toString(), "c", "1", device.getValue());
    }
    List<String> command = new ArrayList<>(List.of(
        "unshare", "--mount-proc=/proc", "--root=" + root, "--wd=" + image.workingDirectory(),
        "--setgid=" + gid(image.user()), "--setuid=" + uid(image.user())));
    command.addAll(image.entrypoint());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(image.environment());
    builder.environment().putAll(settings);
    return builder.start();
  }

  private static void awaitReady(Process store, int httpPort, Path log) throws Exception {
    Instant deadline = Instant.now().plus(START_PATIENCE);
    while (true) {
      assertThat(store.isAlive()).as("the store is running; log:%n%s", tail(log)).isTrue();
      try {
        if (get(httpPort, "/actuator/health/readiness").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the store is still starting
      }
      assertThat(Instant.now()).as("ready within %s; log:%n%s", START_PATIENCE, tail(log)).isBefore(deadline);
      Thread.sleep(500);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30)).build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  /** A line of /proc/PID/status without its name: "Uid:\t10001\t10001\t10001\t10001" gives "10001\t...". */
  private static String processStatus(Process process, String name) throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
        .filter(line -> line.startsWith(name + ":"))
        .map(line -> line.substring(name.length() + 1).strip())
        .findFirst().orElseThrow();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** "uid:gid", both numeric: a runtime needs no passwd entry to run as it. */
  private static int uid(String user) {
    return Integer.parseInt(user.split(":")[0]);
  }

  private static int gid(String user) {
    return Integer.parseInt(user.split(":")[1]);
  }

  /** The entrypoint's options before the classpath. */
  private static List<String> jvmFlags(List<String> entrypoint) {
    return entrypoint.subList(1, entrypoint.indexOf("-cp"));
  }
}
