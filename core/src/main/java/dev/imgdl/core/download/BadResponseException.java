package dev.imgdl.core.download;

import java.net.ProtocolException;
import okhttp3.Response;

/**
 * A response that breaks HTTP so that its body cannot be trusted: the entry fails at once, as no
 * retry would mend the server. A {@link ProtocolException}, because OkHttp then does not retry
 * the request by itself either.
 */
final class BadResponseException extends ProtocolException {
  private final transient Outcome.Reply reply;

  BadResponseException(String reason, Response response) {
    super(reason);
    this.reply = Outcome.Reply.of(response);
  }

  /** The failure this is, as the core reports it. */
  Outcome.Failure failure() {
    return new Outcome.Failure("bad response: " + getMessage(), false, reply, -1);
  }
}
