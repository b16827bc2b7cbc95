package org.monostore.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The admin API's 401 and 403 answers, as RFC 9457 problem responses like every other error. */
@Component
class AdminProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ObjectMapper json;

  AdminProblems(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof ThrottledSignIn.Throttled throttled) {
      tooManyFailures(request, response, throttled);
      return;
    }
    // The admin UI signs in with its own page; a Basic challenge would make the browser prompt instead.
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"MonoStore admin\"");
    }
    write(request, response, HttpStatus.UNAUTHORIZED,
        "Sign in as an admin: the admin UI's session, or HTTP Basic with an admin's credentials");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    // The CSRF check comes before authentication: a caller who is nobody hears that first, unless
    // signing in, which needs the token too.
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    boolean signingIn = request.getRequestURI().equals("/api/admin/session");
    if (!signingIn && (who == null || who instanceof AnonymousAuthenticationToken)) {
      commence(request, response, new InsufficientAuthenticationException("Not signed in"));
      return;
    }
    write(request, response, HttpStatus.FORBIDDEN, e instanceof CsrfException
        ? "The request has no valid CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
        : "Only an admin may do this");
  }

  void tooManyFailures(HttpServletRequest request, HttpServletResponse response, ThrottledSignIn.Throttled throttled)
      throws IOException {
    long seconds = Math.max(1, (throttled.retryAfter.toMillis() + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(seconds));
    write(request, response, HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed sign-ins for this user or from this address: try again in " + seconds + " seconds");
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
