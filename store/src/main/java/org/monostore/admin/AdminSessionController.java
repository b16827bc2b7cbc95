package org.monostore.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin UI's sign-in session: sign in, who is signed in, sign out. */
@Tag(name = "Admin: session", description = "The admin UI's sign-in; scripts may use HTTP Basic instead")
@RestController
@RequestMapping("/api/admin/session")
class AdminSessionController {

  private final AuthenticationManager authentication;
  private final SecurityContextRepository contexts;
  private final CsrfAuthenticationStrategy csrfRotation;
  private final AdminProblems problems;

  AdminSessionController(AuthenticationManager authentication, SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens, AdminProblems problems) {
    this.authentication = authentication;
    this.contexts = contexts;
    this.csrfRotation = new CsrfAuthenticationStrategy(csrfTokens);
    this.problems = problems;
  }

  record SignIn(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {}

  record SignedIn(String username) {}

  @Operation(summary = "Who is signed in", description = "401 when nobody is; sets the XSRF-TOKEN cookie either way.")
  @GetMapping
  ResponseEntity<SignedIn> current(Authentication who, CsrfToken csrf, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    csrf.getToken();
    if (who == null || who instanceof AnonymousAuthenticationToken || !isAdmin(who)) {
      problems.write(request, response, HttpStatus.UNAUTHORIZED, "Nobody is signed in");
      return null;
    }
    return ResponseEntity.ok(new SignedIn(who.getName()));
  }

  @Operation(summary = "Sign in", description = "Starts the session (a cookie); 401 for wrong credentials; 429 with "
      + "Retry-After after too many failed sign-ins for the user name or from the address.")
  @PostMapping
  ResponseEntity<SignedIn> signIn(@Valid @RequestBody SignIn signIn, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    Authentication admin;
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(signIn.username(), signIn.password());
    attempt.setDetails(new WebAuthenticationDetails(request));
    try {
      admin = authentication.authenticate(attempt);
    } catch (ThrottledSignIn.Throttled e) {
      problems.tooManyFailures(request, response, e);
      return null;
    } catch (AuthenticationException e) {
      problems.write(request, response, HttpStatus.UNAUTHORIZED, "The user name or the password is wrong");
      return null;
    }
    if (!isAdmin(admin)) {
      problems.write(request, response, HttpStatus.FORBIDDEN, "Only an admin may sign in here");
      return null;
    }
    // A new session id and a new CSRF token, so that nothing known before the sign-in is worth anything after.
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    csrfRotation.onAuthentication(admin, request, response);
    ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(admin);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return ResponseEntity.ok(new SignedIn(admin.getName()));
  }

  @Operation(summary = "Sign out")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Signed out")
  @DeleteMapping
  ResponseEntity<Void> signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    return ResponseEntity.noContent().build();
  }

  private static boolean isAdmin(Authentication who) {
    return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + AdminSecurity.ROLE));
  }
}
