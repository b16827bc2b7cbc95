package org.monostore.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The browser's security headers on every answer (API, /docs, /admin, actuator): no sniffing of
 * content types, no framing, no referrer, and a Content-Security-Policy that, for the API's JSON,
 * allows nothing at all. Pages with a policy of their own ({@link PagePolicy}) get theirs. The
 * shop's API does not pass through Spring Security (see admin/AdminSecurity), so this is a plain
 * filter that sets constant strings and allocates nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends HttpFilter {

  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final PagePolicy[] pages;
  private final String[] policies;

  SecurityHeaders(List<PagePolicy> pages) {
    this.pages = pages.toArray(PagePolicy[]::new);
    this.policies = pages.stream().map(PagePolicy::contentSecurityPolicy).toArray(String[]::new);
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", policy(request.getRequestURI()));
    chain.doFilter(request, response);
  }

  private String policy(String uri) {
    for (int i = 0; i < pages.length; i++) {
      if (pages[i].covers(uri)) {
        return policies[i];
      }
    }
    return API_POLICY;
  }
}
