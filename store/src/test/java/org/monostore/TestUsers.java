package org.monostore;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of a test store: the admin, and a signed-in user who is not an admin, so that tests can
 * prove the admin API refuses everyone but admins.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestUsers {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-test-password";
  public static final String NOT_ADMIN = "shopper";
  public static final String NOT_ADMIN_PASSWORD = "shopper-test-password";

  /** A request to the store on this port as the admin, with HTTP Basic. */
  public static RequestSpecification asAdmin(int port) {
    return RestAssured.given().port(port).contentType(ContentType.JSON).auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
  }

  @Bean
  @Primary
  UserDetailsService testUsers(PasswordEncoder passwords) {
    return new InMemoryUserDetailsManager(
        User.withUsername(ADMIN).password(passwords.encode(ADMIN_PASSWORD)).roles("ADMIN").build(),
        User.withUsername(NOT_ADMIN).password(passwords.encode(NOT_ADMIN_PASSWORD)).roles("CUSTOMER").build());
  }
}
