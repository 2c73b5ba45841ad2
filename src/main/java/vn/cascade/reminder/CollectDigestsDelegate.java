package vn.cascade.reminder;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The morning run's first step: writes this morning's digests and hands their ids to the send step. */
@Component
class CollectDigestsDelegate implements JavaDelegate {

  private final MorningDigest digest;

  CollectDigestsDelegate(MorningDigest digest) {
    this.digest = digest;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MorningDigestProcess.DIGEST_IDS.set(execution,
        digest.collect().stream().map(String::valueOf).collect(Collectors.joining(",")));
  }
}
