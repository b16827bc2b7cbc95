package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestsInFlightTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RequestsInFlight filter = new RequestsInFlight(meters);

  private double inFlight() {
    return meters.get(RequestsInFlight.METER).gauge().value();
  }

  @Test
  void countsARequestWhileItIsServedAndNotAfter() throws Exception {
    List<Double> seen = new ArrayList<>();

    filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
      seen.add(inFlight());
      filter.doFilter(request, response, (inner, innerResponse) -> seen.add(inFlight()));
    });

    assertThat(seen).containsExactly(1.0, 2.0);
    assertThat(inFlight()).isZero();
  }

  @Test
  void aRequestThatFailsIsNoLongerCounted() {
    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
        (request, response) -> {
          throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);

    assertThat(inFlight()).isZero();
  }
}
