package org.monostore.platform;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Refuses an HTTP port outside 0 to 65535 before anything starts: below 0 Spring Boot starts no
 * connector at all, a store nobody can reach; above 65535 the failure would not name the setting.
 */
@Component
class HttpPortSetting implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    if (factory.getPort() < 0 || factory.getPort() > 65535) {
      throw new StartupFailureAnalyzer.BadSetting(
          "server.port", factory.getPort(), "a port from 0 to 65535 (0 picks a free one)");
    }
  }

  /** After Spring Boot's customizer, which sets the port from server.port. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
