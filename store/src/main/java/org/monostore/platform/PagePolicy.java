package org.monostore.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Content-Security-Policy of the pages under a path, which {@link SecurityHeaders} sends with them. */
public interface PagePolicy {

  /** A path, like /docs: the policy covers it and everything under it. */
  String path();

  String contentSecurityPolicy();

  /**
   * The page a browser gets, with a 404, for a path under {@link #path()} that is not there (null: the
   * store's problem response, as for the API).
   */
  default String notFoundPage() {
    return null;
  }

  /** Whether the request's path is this one or under it. */
  default boolean covers(String uri) {
    String path = path();
    return uri.startsWith(path) && (uri.length() == path.length() || uri.charAt(path.length()) == '/');
  }

  /** Script elements without a src attribute, and their text, as a browser hashes it. */
  Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

  /**
   * The CSP sources ('sha256-...') that allow exactly the inline scripts of this HTML and no other: a
   * page's own inline scripts run without 'unsafe-inline', and an injected one does not.
   */
  static Set<String> inlineScriptHashes(String html) {
    Set<String> hashes = new TreeSet<>();
    Matcher script = INLINE_SCRIPT.matcher(html);
    while (script.find()) {
      hashes.add(hashSource(script.group(1)));
    }
    return hashes;
  }

  /** The CSP source ('sha256-...') that allows exactly this inline script's or style's text. */
  static String hashSource(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
