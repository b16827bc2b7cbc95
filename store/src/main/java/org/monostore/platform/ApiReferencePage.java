package org.monostore.platform;

import com.scalar.maven.core.ScalarHtmlRenderer;
import com.scalar.maven.core.ScalarProperties;
import com.scalar.maven.core.authentication.ScalarAuthenticationOptions;
import com.scalar.maven.core.config.ScalarAgentOptions;
import com.scalar.maven.core.enums.DeveloperToolsVisibility;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The Scalar API reference at /docs, rendered from /v3/api-docs. Its script is served from the
 * scalar-core jar and the page loads nothing from elsewhere: no CDN, fonts, telemetry or AI assistant.
 */
@Hidden
@RestController
class ApiReferencePage implements PagePolicy {

  private final String html;
  private final byte[] script;
  private final String policy;

  ApiReferencePage() throws IOException {
    ScalarProperties properties = new ScalarProperties();
    properties.setPath("/docs");
    properties.setUrl("/v3/api-docs");
    properties.setPageTitle("MonoStore API");
    properties.setTelemetry(false);
    properties.setWithDefaultFonts(false);
    ScalarAgentOptions noAssistant = new ScalarAgentOptions();
    noAssistant.setDisabled(true);
    properties.setAgent(noAssistant);
    // Its client button and developer tools open Scalar's hosted services: the page stays local.
    properties.setHideClientButton(true);
    properties.setShowDeveloperTools(DeveloperToolsVisibility.NEVER);
    properties.setFavicon("");
    // "Test request" on an admin route offers the admin's user name and password (Basic): the session
    // schemes need a cookie and a CSRF token that the reference cannot get for itself.
    ScalarAuthenticationOptions authentication = new ScalarAuthenticationOptions();
    authentication.setPreferredSecurityScheme(ApiDocs.BASIC);
    properties.setAuthentication(authentication);
    this.html = ScalarHtmlRenderer.render(properties);
    this.script = ScalarHtmlRenderer.getScalarJsContent();
    // Its own script and the inline one that starts it. Scalar adds style elements as it renders, which no
    // hash can list ahead: inline styles stay allowed (a style cannot run code).
    this.policy = "default-src 'none'; script-src 'self' " + String.join(" ", PagePolicy.inlineScriptHashes(html))
        + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  @Override
  public String path() {
    return "/docs";
  }

  @Override
  public String contentSecurityPolicy() {
    return policy;
  }

  @GetMapping(value = "/docs", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    return html;
  }

  @GetMapping(value = "/docs/scalar.js", produces = "text/javascript")
  ResponseEntity<byte[]> script() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
  }
}
