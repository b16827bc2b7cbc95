package org.monostore.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures become RFC 9457 problem responses: rejections by entities become
 * 400/404/409, timeouts and an unreachable database 503 with Retry-After, unreadable or invalid
 * requests 400 naming the field. Nothing leaks a stack trace or an internal class name.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  /** Seconds a client should wait before retrying after a 503. */
  static final String RETRY_AFTER_SECONDS = "2";
  private static final JsonMapper JSON = JsonMapper.shared();
  /** In a 503: whether the change asked for may have been made, so that a retry needs the same Idempotency-Key. */
  private static final String MAY_HAVE_BEEN_APPLIED = "mayHaveBeenApplied";

  private final List<PagePolicy> pages;

  ProblemResponses(List<PagePolicy> pages) {
    this.pages = pages;
  }

  @ExceptionHandler(RejectedException.class)
  ResponseEntity<ProblemDetail> rejected(RejectedException e) {
    Rejection rejection = e.rejection();
    HttpStatus status =
        switch (rejection.reason()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
          case UNAVAILABLE, UNANSWERED -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.detail());
    if (rejection.field() != null) {
      problem.setProperty("field", rejection.field());
    }
    if (rejection.currentStatus() != null) {
      problem.setProperty("currentStatus", rejection.currentStatus());
    }
    if (!rejection.allowed().isEmpty()) {
      problem.setProperty("allowed", rejection.allowed());
    }
    if (rejection.shortage() != null) {
      problem.setProperty("sku", rejection.shortage().sku());
      problem.setProperty("available", rejection.shortage().available());
    }
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      // UNAVAILABLE: the entity answered that it made no change. UNANSWERED: one it asked was silent.
      problem.setProperty(MAY_HAVE_BEEN_APPLIED, rejection.reason() == Rejection.Reason.UNANSWERED);
    }
    return respond(problem);
  }

  /** An ask that timed out reached its entity: a write may have been made, or may be made still. */
  @ExceptionHandler(Asks.Unanswered.class)
  ResponseEntity<ProblemDetail> unanswered(Asks.Unanswered e, HttpServletRequest request) {
    boolean write = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, write
        ? e.getMessage() + ": the change may have been made. Retry with the same Idempotency-Key to have it made once"
        : e.getMessage());
    problem.setProperty(MAY_HAVE_BEEN_APPLIED, write);
    return respond(problem);
  }

  @ExceptionHandler({
    CannotGetJdbcConnectionException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    log.warn("Database unavailable: {}", e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE, "The store's database is not reachable right now");
    // Requests reach the database directly only to read: writes go through the entities.
    problem.setProperty(MAY_HAVE_BEEN_APPLIED, false);
    return respond(problem);
  }

  /** Tomcat decodes the query string (and a form body) when a parameter is first read. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> invalidParameters(InvalidParameterException e) {
    if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
      return respond(ProblemDetail.forStatusAndDetail(
          HttpStatus.CONTENT_TOO_LARGE, "The request has more parameters than the store accepts"));
    }
    return respond(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The query string is not valid: a percent-encoding is broken or decodes to bytes that are not UTF-8"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return respond(
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The store failed to handle the request"));
  }

  /** A browser that asks for a page not there gets its site's own not-found page, when it has one. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (request instanceof ServletWebRequest servlet && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      String uri = servlet.getRequest().getRequestURI();
      for (PagePolicy site : pages) {
        if (site.notFoundPage() != null && site.covers(uri)) {
          return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
              .body(site.notFoundPage());
        }
      }
    }
    return super.handleNoResourceFoundException(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (causedBy(e, RequestBodyLimit.BodyTooLarge.class) instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
      return asObject(respond(tooLarge(tooLarge.maxBytes)));
    }
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    Throwable cause = e.getCause();
    if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      String field = fieldPath(jackson);
      problem.setDetail("'" + field + "' " + expectation(jackson));
      problem.setProperty("field", field);
    } else if (cause instanceof StreamReadException) {
      problem.setDetail("The request body is not valid JSON");
    } else if (cause instanceof JacksonException) {
      problem.setDetail("The request body does not have the expected shape");
    } else {
      problem.setDetail("The request needs a JSON body");
    }
    return asObject(respond(problem));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors =
        e.getFieldErrors().stream()
            .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
            .toList();
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setDetail(
        errors.stream()
            .map(error -> "'" + error.get("field") + "' " + error.get("message"))
            .collect(Collectors.joining("; ")));
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.getFirst().get("field"));
    }
    problem.setProperty("errors", errors);
    return asObject(respond(problem));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      org.springframework.beans.TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + name + "' has an invalid value");
    problem.setProperty("field", name);
    return asObject(respond(problem));
  }

  /** For the body-size filter, which answers before Spring MVC is involved. */
  static void writeTooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes)
      throws IOException {
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream()
        .write(json(HttpStatus.CONTENT_TOO_LARGE.value(), tooLarge(maxBytes).getDetail(), request.getRequestURI())
            .getBytes(StandardCharsets.UTF_8));
  }

  /** A problem as JSON, for what answers outside Spring MVC: the body-size filter and Tomcat itself. */
  static String json(int status, String detail, String instance) {
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known != null ? known.getReasonPhrase() : "Error");
    problem.put("status", status);
    problem.put("detail", detail);
    if (instance != null && !instance.isEmpty()) {
      problem.put("instance", instance);
    }
    return JSON.writeValueAsString(problem);
  }

  private static ProblemDetail tooLarge(long maxBytes) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes");
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    var response = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    if (problem.getType() == null) {
      problem.setType(URI.create("about:blank"));
    }
    return response.body(problem);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }

  private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static String fieldPath(JacksonException e) {
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String expectation(JacksonException e) {
    Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (e instanceof InputCoercionException) {
      return "is out of range";
    }
    if (target == null) {
      return "has the wrong type";
    }
    if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
      return "must be a whole number within range";
    }
    if (target == String.class) {
      return "must be a string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "must be true or false";
    }
    return "must be a JSON object of the documented shape";
  }
}
