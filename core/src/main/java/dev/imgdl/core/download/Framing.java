package dev.imgdl.core.download;

import dev.imgdl.core.text.ControlChars;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * A network interceptor that refuses a response whose body length is ambiguous, with a {@link
 * BadResponseException}. It sits in the network layer because there the headers are still as the
 * server sent them: above it, OkHttp drops every Content-Length of a body it unzips.
 *
 * <p>OkHttp frames a body by the last Content-Length header, reads a list such as {@code 10, 10}
 * as no length at all (and so waits for the server to close), and fails on a negative one with an
 * internal error. RFC 9112 section 6.3 makes an untrustworthy Content-Length an unrecoverable
 * framing error. So every value must be a number of bytes and all must agree (RFC 9110 section
 * 8.6 allows one value repeated, also as a list, which is then framed here); and a body framed by
 * chunks, which OkHttp rightly prefers to a Content-Length, must end up as long as the
 * Content-Length sent with it.
 */
final class Framing {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final int SHOWN_VALUES = 4;
  private static final int SHOWN_CHARS = 40;

  private Framing() {}

  static Response check(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    long declared;
    try {
      declared = declaredLength(response);
    } catch (BadResponseException e) {
      release(chain, response);
      throw e;
    }
    if (declared < 0) {
      return response;
    }
    ResponseBody body = response.body();
    if (chunked(response)) {
      Source checked = new ChunkedLengthCheck(body.source(), declared, response);
      return response.newBuilder()
          .body(ResponseBody.create(Okio.buffer(checked), body.contentType(), -1))
          .build();
    }
    if (body.contentLength() == -1) {
      // A list OkHttp cannot parse: frame the body here, or a keep-alive server is waited on.
      Source framed = new FixedLength(body.source(), declared);
      return response.newBuilder()
          .header("Content-Length", Long.toString(declared))
          .body(ResponseBody.create(Okio.buffer(framed), body.contentType(), declared))
          .build();
    }
    return response;
  }

  /**
   * Closes a refused response and its connection, which is not to be used again. OkHttp cannot
   * close a body of negative length (it tries to read the rest, and fails on the length), so the
   * call is cancelled first: that closes the socket, whatever the close that follows manages.
   */
  private static void release(Interceptor.Chain chain, Response response) {
    chain.call().cancel();
    try {
      response.close();
    } catch (IllegalArgumentException e) {
      // OkHttp's "byteCount < 0": the socket is closed already.
    }
  }

  /** The one length all Content-Length values agree on, or -1 when there is none. */
  private static long declaredLength(Response response) throws BadResponseException {
    List<String> distinct = new ArrayList<>();
    for (String header : response.headers().values("Content-Length")) {
      for (String value : header.split(",", -1)) {
        String v = value.strip();
        if (!DIGITS.matcher(v).matches()) {
          throw new BadResponseException("invalid Content-Length (" + shown(header) + ")",
              response);
        }
        String number = Long.toString(Long.parseLong(v));
        // A few are enough to show: a server could send thousands.
        if (distinct.size() <= SHOWN_VALUES && !distinct.contains(number)) {
          distinct.add(number);
        }
      }
    }
    if (distinct.size() > 1) {
      String values = distinct.size() <= SHOWN_VALUES
          ? String.join(", ", distinct)
          : String.join(", ", distinct.subList(0, SHOWN_VALUES)) + ", …";
      throw new BadResponseException("conflicting Content-Length headers (" + values + ")",
          response);
    }
    return distinct.isEmpty() ? -1 : Long.parseLong(distinct.get(0));
  }

  /** Whether OkHttp reads the body as chunks: its own test, so that both agree. */
  private static boolean chunked(Response response) {
    return "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"));
  }

  /** A header value as an error shows it: short, and with no control character left raw. */
  private static String shown(String value) {
    String cut = value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "…";
    return ControlChars.escape(cut);
  }

  /** Ends the body after {@code length} bytes; fewer is a connection cut short. */
  private static final class FixedLength extends ForwardingSource {
    private long remaining;

    FixedLength(Source delegate, long length) {
      super(delegate);
      this.remaining = length;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      long n = super.read(sink, Math.min(byteCount, remaining));
      if (n == -1) {
        throw new ProtocolException("unexpected end of stream");
      }
      remaining -= n;
      return n;
    }
  }

  /** Counts a chunked body and compares it with its Content-Length at the end. */
  private static final class ChunkedLengthCheck extends ForwardingSource {
    private final long declared;
    private final Response response;
    private long received;

    ChunkedLengthCheck(Source delegate, long declared, Response response) {
      super(delegate);
      this.declared = declared;
      this.response = response;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, byteCount);
      if (n != -1) {
        received += n;
      } else if (received != declared) {
        throw new BadResponseException(
            "Content-Length " + declared + " but a chunked body of " + received + " bytes",
            response);
      }
      return n;
    }
  }
}
