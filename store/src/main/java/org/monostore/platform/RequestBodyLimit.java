package org.monostore.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit before anything reads them: a declared Content-Length over it
 * is answered 413 at once, and a chunked body is cut off where it crosses it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

  private final long maxBytes;

  RequestBodyLimit(PlatformSettings settings) {
    this.maxBytes = settings.http().maxBodySize().toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      ProblemResponses.writeTooLarge(request, response, maxBytes);
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  /** Thrown while reading a body that turns out larger than the limit. */
  static final class BodyTooLarge extends IOException {
    final long maxBytes;

    BodyTooLarge(long maxBytes) {
      super("The request body is larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          int n = in.read(buffer, off, len);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int n) throws BodyTooLarge {
          read += n;
          if (read > maxBytes) {
            throw new BodyTooLarge(maxBytes);
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
