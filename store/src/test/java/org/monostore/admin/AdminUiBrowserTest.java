package org.monostore.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin UI's browser tests (admin/e2e, Playwright driving the system's Chromium) against this
 * running store, on its real embedded PostgreSQL: the UI as the store serves it at /admin/.
 */
@StoreTest
class AdminUiBrowserTest {

  private static final Path ADMIN_APP = Path.of("..", "admin").toAbsolutePath().normalize();
  private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

  @LocalServerPort int port;

  @Test
  void theAdminUiPassesItsBrowserTestsAgainstTheRunningStore() throws Exception {
    assertThat(Path.of(CHROMIUM))
        .as("Chromium for the browser tests (Debian: apt-get install chromium; .ci/run installs it)")
        .isExecutable();
    assertThat(ADMIN_APP.resolve("node_modules/.bin/playwright"))
        .as("the admin app's npm packages, installed by the admin module's build")
        .exists();

    Path log = Files.createTempFile("playwright", ".log");
    ProcessBuilder playwright = new ProcessBuilder("npx", "playwright", "test")
        .directory(ADMIN_APP.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    playwright.environment().put("ADMIN_E2E_BASE_URL", "http://localhost:" + port);
    playwright.environment().put("ADMIN_E2E_USERNAME", TestUsers.ADMIN);
    playwright.environment().put("ADMIN_E2E_PASSWORD", TestUsers.ADMIN_PASSWORD);
    playwright.environment().put("CHROMIUM_PATH", CHROMIUM);
    playwright.environment().put("CI", "true");
    Process run = playwright.start();
    boolean finished = run.waitFor(8, TimeUnit.MINUTES);
    String output = Files.readString(log);
    System.out.println(output);
    if (!finished) {
      run.destroyForcibly();
    }
    assertThat(finished).as("Playwright finished within 8 minutes").isTrue();
    assertThat(run.exitValue()).as("Playwright's exit code; its output:%n%s", output).isZero();
    assertThat(output).contains("passed").doesNotContain("skipped").doesNotContain("flaky");
  }
}
