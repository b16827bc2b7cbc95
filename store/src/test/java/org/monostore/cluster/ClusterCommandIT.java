package org.monostore.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./monostore cluster --nodes=3 --port=P} (the script runs the jar's {@code cluster} command):
 * three ready nodes on ports P..P+2, one cluster, on one embedded PostgreSQL; SIGTERM to the command
 * stops them all, and the database, leaving no process behind.
 */
class ClusterCommandIT {

  private static final Pattern PASSWORD = Pattern.compile("password '([^']+)'");

  @TempDir Path work;

  @Test
  void threeNodesComeUpAsOneClusterAndSigtermLeavesNoProcessBehind() throws Exception {
    int port = threeFreePortsInARow();
    Path output = work.resolve("cluster.log");
    Process command = new ProcessBuilder(
            ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
            "-jar", StoreProcesses.JAR.toString(), "cluster", "--nodes=3", "--port=" + port,
            "--monostore.embedded-database.directory=" + work.resolve("postgres"),
            "--logging.level.root=WARN")
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    List<ProcessHandle> started = List.of();
    try {
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
          .until(() -> Files.readString(output).contains("3 nodes ready") || !command.isAlive());
      assertThat(Files.readString(output)).as("the command's output").contains("3 nodes ready");
      // pg_ctl starts PostgreSQL as a daemon, no child of the command's: its lock file names it.
      long postgres = Long.parseLong(Files.readAllLines(work.resolve("postgres/postmaster.pid")).getFirst().strip());
      started = Stream.concat(command.descendants(), ProcessHandle.of(postgres).stream()).toList();
      Matcher password = PASSWORD.matcher(Files.readString(output));
      assertThat(password.find()).as("the admin password the command prints").isTrue();

      for (int node = 0; node < 3; node++) {
        given().port(port + node).auth().preemptive().basic("admin", password.group(1))
            .get("/actuator/health").then()
            .statusCode(200)
            .body("components.cluster.status", equalTo("UP"))
            .body("components.cluster.details.members", equalTo(3));
        given().port(port + node).get("/admin/").then().statusCode(200);
      }
      String cart = given().port(port).contentType(ContentType.JSON).body("{}").post("/api/carts")
          .then().statusCode(201).extract().path("id");
      given().port(port + 1).contentType(ContentType.JSON).body("{\"sku\": \"BOOK-000001\", \"quantity\": 2}")
          .post("/api/carts/" + cart + "/items").then().statusCode(200);
      given().port(port + 2).get("/api/carts/" + cart).then().statusCode(200).body("lines[0].quantity", equalTo(2));

      command.destroy();
      assertThat(command.waitFor(3, TimeUnit.MINUTES)).as("the command ended after SIGTERM").isTrue();
      List<ProcessHandle> nodesAndDatabase = started;
      // A process that has ended may linger a moment until it is reaped.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(command.descendants().filter(ProcessHandle::isAlive).toList())
            .as("processes the command started, still running").isEmpty();
        assertThat(nodesAndDatabase.stream().filter(ProcessHandle::isAlive).toList())
            .as("nodes and database server still running").isEmpty();
      });
      assertThat(started).as("the nodes and the database server the command started").hasSize(4);
      assertThat(work.resolve("postgres/postmaster.pid")).as("PostgreSQL's lock file, removed when it stops").doesNotExist();
    } finally {
      command.descendants().forEach(ProcessHandle::destroyForcibly);
      started.forEach(ProcessHandle::destroyForcibly);
      command.destroyForcibly();
    }
  }

  private static int threeFreePortsInARow() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(10_000, 30_000);
      if (free(first) && free(first + 1) && free(first + 2)) {
        return first;
      }
    }
    throw new IOException("no three free ports in a row");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
