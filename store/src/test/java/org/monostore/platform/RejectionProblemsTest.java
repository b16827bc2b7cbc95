package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How an entity's refusal becomes a problem response: a 503 says whether the change may have been made. */
class RejectionProblemsTest {

  private final ProblemResponses problems = new ProblemResponses(List.of());

  @Test
  void anEntityThatCouldNotActSaysNothingWasChanged() {
    ResponseEntity<ProblemDetail> response =
        problems.rejected(Rejection.unavailable("The catalog is not reachable right now").asException());

    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    assertThat(response.getBody().getProperties()).containsEntry("mayHaveBeenApplied", false);
  }

  @Test
  void aSilentEntityMayHaveActedSoARetryNeedsTheSameKey() {
    ResponseEntity<ProblemDetail> response =
        problems.rejected(Rejection.unanswered("The cart did not answer in time").asException());

    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getBody().getProperties()).containsEntry("mayHaveBeenApplied", true);
  }
}
