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
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
        hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Every JVM has SHA-256", e);
      }
    }
    return hashes;
  }
}
