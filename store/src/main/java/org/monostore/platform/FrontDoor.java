package org.monostore.platform;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page at the store's root, the first one a newcomer opens: where the admin UI, the API reference
 * and the health check are. Its one style element is allowed by its hash, and nothing else loads.
 */
@Hidden
@RestController
class FrontDoor implements PagePolicy {

  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  private final String html;
  private final String policy;

  FrontDoor() throws IOException {
    this.html = new ClassPathResource("front-door/index.html").getContentAsString(StandardCharsets.UTF_8);
    Matcher style = STYLE.matcher(html);
    if (!style.find()) {
      throw new IllegalStateException("The front door's page lost its style element");
    }
    this.policy = "default-src 'none'; style-src " + PagePolicy.hashSource(style.group(1))
        + "; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  /** Only the root itself: SecurityHeaders matches a path and what lies under it, and no path is under "/". */
  @Override
  public String path() {
    return "/";
  }

  @Override
  public String contentSecurityPolicy() {
    return policy;
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    return html;
  }
}
