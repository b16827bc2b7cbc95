package org.monostore.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests before the application sees them: a path it will not decode (an
 * encoded slash, backslash or control character, bytes that are not UTF-8), a request line or headers
 * that are malformed or too large, a body that never arrives. Its error report, an HTML page, is
 * replaced by an RFC 9457 problem like every other answer of the store. Errors inside the application
 * are ProblemResponses'; there is no error page to forward to (ErrorMvcAutoConfiguration is off), so
 * whatever else ends in an error status is reported here too.
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      Pipeline pipeline = host.getPipeline();
      for (Valve valve : pipeline.getValves()) {
        if (valve instanceof ErrorReportValve) {
          pipeline.removeValve(valve);
        }
      }
      pipeline.addValve(new ProblemReportValve());
      // The host adds an instance of this class when it starts unless one is there already.
      host.setErrorReportValveClass(ProblemReportValve.class.getName());
    });
  }

  /** After Spring Boot's own Tomcat customizer, which adds an HTML error report valve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Tomcat's error report valve, writing a problem instead of an HTML page. */
  static final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      // As Tomcat's own report: only for an error nobody has answered yet, while the client listens.
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("utf-8");
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
          response.setHeader(HttpHeaders.RETRY_AFTER, ProblemResponses.RETRY_AFTER_SECONDS);
        }
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(ProblemResponses.json(status, detail(status, response.getMessage(), throwable), request.getRequestURI()));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client has gone or the response was committed meanwhile: there is no one to tell.
      }
    }

    /**
     * What went wrong, in words of our own: Tomcat's messages can quote the request back and are
     * localized to the server's language.
     */
    private static String detail(int status, String message, Throwable throwable) {
      return switch (status) {
        // Tomcat's checks of the path give a message; its request parser and body decoding do not.
        case 400 -> throwable == null && message != null
            ? "The request's path is not valid: it holds an encoded slash (%2F), backslash (%5C) or control"
                + " character, or percent-encoded bytes that are not UTF-8"
            : "The request is not valid HTTP/1.1: its request line, headers or chunked body are malformed, or"
                + " its request line and headers are too large";
        case 404 -> "There is nothing at this path";
        case 405 -> "This method is not allowed at this path";
        case 408 -> "The request did not arrive completely in time";
        case 413 -> "The request is larger than the store accepts";
        case 417 -> "The only expectation the store meets is 'Expect: 100-continue'";
        case 501 -> "The request uses a method or transfer coding the store does not implement";
        case 503 -> "The store cannot answer right now";
        case 505 -> "The store speaks HTTP/1.1 and HTTP/1.0";
        default -> status >= 500 ? "The store failed to handle the request" : "The request cannot be answered";
      };
    }
  }
}
