package org.monostore.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change sent with Basic credentials instead of the session's CSRF token must be JSON, or carry no
 * body at all: a cross-site form (url-encoded, multipart or text/plain) can never pass for it.
 */
final class BasicTakesJsonOnly extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Predicate<HttpServletRequest> withoutCsrfToken;
  private final AdminProblems problems;

  BasicTakesJsonOnly(Predicate<HttpServletRequest> withoutCsrfToken, AdminProblems problems) {
    this.withoutCsrfToken = withoutCsrfToken;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!READS.contains(request.getMethod()) && withoutCsrfToken.test(request) && !json(request)) {
      problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "A change with HTTP Basic credentials must send its body as application/json (or send none)");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean json(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }
    try {
      MediaType media = MediaType.parseMediaType(type);
      return "application".equals(media.getType())
          && ("json".equals(media.getSubtype()) || "json".equals(media.getSubtypeSuffix()));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
