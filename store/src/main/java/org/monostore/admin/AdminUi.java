package org.monostore.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.monostore.platform.PagePolicy;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the admin UI, the Next.js app built as static files (the admin/ folder of the repository,
 * packed into the classpath under admin-ui/), at /admin/. Its pages are folders with an index.html.
 */
@Configuration(proxyBeanMethods = false)
class AdminUi implements WebMvcConfigurer, PagePolicy {

  static final String LOCATION = "classpath:/admin-ui/";

  private final String policy;
  private final String notFound;

  /**
   * Next.js starts each exported page with inline scripts: the policy allows exactly those, by their
   * hashes, read from the built pages at start (a rebuilt UI brings its own), and no other inline script.
   */
  AdminUi() throws IOException {
    Set<String> hashes = new TreeSet<>();
    for (Resource page : new PathMatchingResourcePatternResolver().getResources(LOCATION + "**/*.html")) {
      hashes.addAll(PagePolicy.inlineScriptHashes(page.getContentAsString(StandardCharsets.UTF_8)));
    }
    Resource notFoundPage = new PathMatchingResourcePatternResolver().getResource(LOCATION + "404.html");
    this.notFound = notFoundPage.exists() ? notFoundPage.getContentAsString(StandardCharsets.UTF_8) : null;
    this.policy = "default-src 'self'; script-src 'self' " + String.join(" ", hashes)
        + "; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";
  }

  @Override
  public String path() {
    return "/admin";
  }

  @Override
  public String contentSecurityPolicy() {
    return policy;
  }

  /** The UI's own page for an admin path that is not there, with its menu and a way back. */
  @Override
  public String notFoundPage() {
    return notFound;
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/admin", "/admin/");
    // The resource handler gets no path for the app's root, so the root is forwarded to its file.
    registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/admin/**")
        .addResourceLocations(LOCATION)
        .resourceChain(true)
        .addResolver(new PathResourceResolver() {
          @Override
          protected Resource getResource(String path, Resource location) throws IOException {
            if (path.endsWith("/")) {
              return super.getResource(path + "index.html", location);
            }
            Resource file = super.getResource(path, location);
            return file != null ? file : super.getResource(path + "/index.html", location);
          }
        });
  }
}
