package org.monostore.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may use the admin API, the warehouse's fulfilment routes and the actuator (but its health
 * status): an authenticated admin, signed in to the admin UI's session (a cookie, with a CSRF token
 * for every change) or sending HTTP Basic from a script. Everything else in the store is public and
 * keeps no session: carts and orders are addressed by unguessable ids.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

  private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);
  private static final Set<String> SAME_SITE = Set.of("same-origin", "none");
  static final String ROLE = "ADMIN";
  /**
   * Where the admin's chain applies: the admin's API and UI, the warehouse's fulfilment routes and the
   * actuator. The servlet filter's URL patterns below cover the same paths.
   */
  private static final List<String> ADMIN_PATHS =
      List.of("/api/admin/**", "/admin", "/admin/**", "/api/fulfillments/**", "/actuator", "/actuator/**");
  /** In a servlet URL pattern, "/admin/*" also matches "/admin". */
  private static final List<String> ADMIN_URL_PATTERNS =
      List.of("/api/admin/*", "/admin/*", "/api/fulfillments/*", "/actuator/*");

  @Bean
  SecurityFilterChain adminApi(HttpSecurity http, AdminProblems problems, CsrfTokenRepository csrfTokens,
      SecurityContextRepository contexts, AuthenticationManager signIn) throws Exception {
    // The admin UI's files are public (they hold no data) but get the chain's security headers.
    // Health answers its status to anyone (probes), its components and details to admins only.
    http.securityMatcher(ADMIN_PATHS.toArray(String[]::new))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/admin/session", "/admin", "/admin/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().hasRole(ROLE))
        .authenticationManager(signIn)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .addFilterAfter(new BasicTakesJsonOnly(AdminSecurity::scriptWithCredentials, problems),
            BasicAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .securityContext(context -> context.securityContextRepository(contexts))
        .csrf(csrf -> csrf.spa()
            .csrfTokenRepository(csrfTokens)
            .ignoringRequestMatchers(AdminSecurity::scriptWithCredentials))
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  /**
   * Spring Security's filters, each wrapped in a Micrometer observation, would cost every request:
   * they run for the admin's paths only, and without observations (the HTTP request is observed once
   * anyway). The shop's own API stays outside them: public, without sessions or cookies.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Spring Security's filter is registered for every path by default. Outside the admin's paths it
   * matches no chain but still wraps the request in its firewall and routes it through its own
   * dispatch: 8% of a product lookup's CPU (benchmarks/ANALYSIS.md). So the servlet container calls it
   * for the admin's paths only (platform/SecurityHeaders sends the browser's headers everywhere).
   */
  @Bean
  static BeanPostProcessor securityFilterOnAdminPathsOnly() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration
            && AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME.equals(registration.getFilterName())) {
          registration.setUrlPatterns(ADMIN_URL_PATTERNS);
        }
        return bean;
      }
    };
  }

  /**
   * A script that sends Basic credentials and no session cookie needs no CSRF token: every request that
   * carries the session's cookie needs one, whatever else it sends. A browser sends Basic credentials
   * it cached across sites too, but then with the Sec-Fetch-Site header that no script sends; and
   * such a request must be JSON, which no cross-site form can send (BasicTakesJsonOnly).
   */
  private static boolean scriptWithCredentials(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    String site = request.getHeader("Sec-Fetch-Site");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
        && request.getRequestedSessionId() == null
        && (site == null || SAME_SITE.contains(site));
  }

  /**
   * Spring Security's firewall, but letting an encoded percent through: ids and SKUs with one are
   * answered by the API's own checks (a 400 naming the field), and nothing here decodes twice.
   */
  @Bean
  HttpFirewall firewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowUrlEncodedPercent(true);
    return firewall;
  }

  /** What the firewall still refuses gets a problem response like every other bad request. */
  @Bean
  RequestRejectedHandler rejectedRequests(AdminProblems problems) {
    return (request, response, e) ->
        problems.write(request, response, HttpStatus.BAD_REQUEST, "The request's URL is not allowed here");
  }

  @Bean
  CsrfTokenRepository csrfTokens() {
    // The admin UI reads the token from this cookie and sends it back in the X-XSRF-TOKEN header.
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
    return tokens;
  }

  @Bean
  SecurityContextRepository securityContexts() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** The one way an admin signs in, throttled after failures (the sign-in session and HTTP Basic alike). */
  @Bean
  AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
      AdminSettings settings, ObjectProvider<Clock> clock) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwords);
    return new ThrottledSignIn(new ProviderManager(provider),
        new SignInThrottle(settings.signIn().maxFailures(), settings.signIn().window(),
            clock.getIfAvailable(Clock::systemUTC)));
  }

  /** The one admin account; with no password configured, one is generated and printed once. */
  @Bean
  UserDetailsService admins(AdminSettings settings, PasswordEncoder passwords) {
    String username = settings.username();
    String password = settings.password();
    if (password.isBlank()) {
      byte[] random = new byte[15];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      log.warn("Admin sign-in for this run: user '{}', password '{}' (set monostore.admin.password to choose one)",
          username, password);
    }
    return new InMemoryUserDetailsManager(
        User.withUsername(username).password(passwords.encode(password)).roles(ROLE).build());
  }
}
