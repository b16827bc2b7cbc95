package org.monostore.benchmarks.server;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP stack's own ceiling: a constant answer, no actor and no database behind it. */
@RestController
class Ping {

  private static final String PONG = "{\"pong\":true}";

  @GetMapping(value = "/bench/ping", produces = "application/json")
  String ping() {
    return PONG;
  }
}
