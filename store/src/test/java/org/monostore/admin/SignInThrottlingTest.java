package org.monostore.admin;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.Problems.problem;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wrong guesses at the admin's password are throttled per user name and per client address, by the
 * sign-in session and HTTP Basic alike, with the default limits (5 failures, a 15-minute window) and
 * a clock the test moves. A store of its own, so that its lock-outs reach no other test.
 */
@StoreTest
@Import({SignInThrottlingTest.MovableClock.class, SignInThrottlingTest.CountedPasswordChecks.class})
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTest {

  @LocalServerPort int port;
  @Autowired MovableClock clock;
  @Autowired CountedPasswordChecks passwordChecks;

  @BeforeEach
  void everyEarlierWindowIsOver() {
    clock.advance(Duration.ofDays(1));
  }

  @Test
  void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWith429UntilTheWindowEnds(CapturedOutput log) {
    for (int i = 0; i < 5; i++) {
      problem(AdminSecurityTest.signIn(port, TestUsers.ADMIN, "guess-" + i), 401);
    }

    int checked = passwordChecks.count.get();
    Response throttled = AdminSecurityTest.signIn(port, TestUsers.ADMIN, "guess-5");
    problem(throttled, 429).header("Retry-After", equalTo("900"));
    problem(AdminSecurityTest.signIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD), 429);
    problem(basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).get("/api/admin/dashboard"), 429)
        .header("Retry-After", equalTo("900"));
    assertThat(passwordChecks.count.get()).as("passwords hashed while throttled").isEqualTo(checked);

    clock.advance(Duration.ofMinutes(10));
    problem(AdminSecurityTest.signIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD), 429)
        .header("Retry-After", equalTo("300"));

    clock.advance(Duration.ofMinutes(5));
    AdminSecurityTest.signIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).then().statusCode(200);
    basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).get("/api/admin/dashboard").then().statusCode(200);

    assertThat(log).contains("Admin sign-in failed for user 'admin' from ")
        .doesNotContain("guess-0", TestUsers.ADMIN_PASSWORD);
  }

  @Test
  void oneAddressTryingManyUserNamesIsThrottledWithoutLockingOutOthers() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(dashboardFromAnotherAddress("user-" + i, "wrong").statusCode()).isEqualTo(401);
    }

    HttpResponse<String> throttled = dashboardFromAnotherAddress("user-5", "wrong");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("900");
    assertThat(throttled.body()).contains("\"status\":429");
    assertThat(dashboardFromAnotherAddress(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).statusCode()).isEqualTo(429);
    // The admin at another address is not held up by it.
    basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).get("/api/admin/dashboard").then().statusCode(200);
    problem(basic("user-6", "wrong").get("/api/admin/dashboard"), 401);
  }

  @Test
  void aSuccessfulSignInForgetsTheFailuresBeforeIt() {
    for (int i = 0; i < 4; i++) {
      problem(AdminSecurityTest.signIn(port, TestUsers.ADMIN, "guess-" + i), 401);
    }
    AdminSecurityTest.signIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).then().statusCode(200);

    for (int i = 0; i < 4; i++) {
      problem(AdminSecurityTest.signIn(port, TestUsers.ADMIN, "guess-" + i), 401);
    }
    AdminSecurityTest.signIn(port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).then().statusCode(200);
  }

  /** From 127.0.0.2: a client address of its own, which Basic sends to the store's loopback port. */
  private HttpResponse<String> dashboardFromAnotherAddress(String username, String password) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build()) {
      String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(UTF_8));
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/dashboard"))
          .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private RequestSpecification basic(String username, String password) {
    return given().port(port).auth().preemptive().basic(username, password);
  }

  /** The store's password encoder, counting the (costly) checks of a password. */
  @Primary
  static class CountedPasswordChecks implements PasswordEncoder {
    final AtomicInteger count = new AtomicInteger();
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Override
    public String encode(CharSequence password) {
      return passwords.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String encoded) {
      count.incrementAndGet();
      return passwords.matches(password, encoded);
    }
  }

  /** The store's clock, a bean of the test's store, which the test moves on instead of waiting. */
  static class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-01T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
