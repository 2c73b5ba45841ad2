package vn.cascade;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server the H2 test suite's application sends to (GreenMail). Its port is 3025 unless the
 * system property {@code cascade.test.smtp-port} says otherwise, so that two checkouts can run their
 * suites on one machine at the same time ({@code mvn verify -Dcascade.test.smtp-port=3125}).
 */
public final class TestSmtp {

  public static final int PORT = Integer.getInteger("cascade.test.smtp-port", 3025);

  public static final ServerSetup SETUP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  private TestSmtp() {}
}
