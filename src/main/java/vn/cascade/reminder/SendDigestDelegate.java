package vn.cascade.reminder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends one morning digest (one instance of the send step per digest, each its own async, retried job):
 * claimed, mailed and marked SENT through the outbox; a job that runs again finds it SENT.
 */
@Component
class SendDigestDelegate implements JavaDelegate {

  private final NotificationSender sender;

  SendDigestDelegate(NotificationSender sender) {
    this.sender = sender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sender.sendWritten(MorningDigestProcess.DIGEST_ID.from(execution));
  }
}
