package dev.imgdl.core.download;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code -vvv}: each request line and its headers, and each response status line and its
 * headers, as they cross the network, one TRACE line each ({@code #7 > GET /a.png HTTP/1.1}),
 * numbered so that the lines of concurrent exchanges can be told apart. Credentials never show:
 * {@code Authorization} and {@code Proxy-Authorization} keep their scheme only, cookies their
 * names only; the log layout escapes control characters and hides a URL's password.
 */
final class WireLog implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(WireLog.class);
  private static final String HIDDEN = "***";

  private final AtomicLong exchanges = new AtomicLong();

  /**
   * {@code builder} with a wire log as its last network interceptor, next to the socket (it sees
   * what the others add and what the server sent), when {@code -vvv} asks for one; untouched
   * otherwise, so that a call pays nothing for it.
   */
  static OkHttpClient.Builder addTo(OkHttpClient.Builder builder) {
    return log.isTraceEnabled() ? builder.addNetworkInterceptor(new WireLog()) : builder;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long n = exchanges.incrementAndGet();
    Request request = chain.request();
    Connection connection = chain.connection();
    Protocol protocol = connection != null ? connection.protocol() : Protocol.HTTP_1_1;
    log.trace("#{} > {} {} {}", n, request.method(), request.url(), name(protocol));
    headers(n, ">", request.headers());
    Response response = chain.proceed(request);
    log.trace("#{} < {} {} {}", n, name(response.protocol()), response.code(),
        response.message());
    headers(n, "<", response.headers());
    return response;
  }

  /** {@code HTTP/1.1}, {@code H2}: as a status line spells it, not OkHttp's lower case. */
  private static String name(Protocol protocol) {
    return protocol.toString().toUpperCase(Locale.ROOT);
  }

  private static void headers(long n, String direction, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      log.trace("#{} {} {}: {}", n, direction, headers.name(i),
          shown(headers.name(i), headers.value(i)));
    }
  }

  /** A header's value as a log may show it. */
  static String shown(String name, String value) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "authorization", "proxy-authorization" -> {
        int space = value.indexOf(' ');
        yield space > 0 ? value.substring(0, space) + " " + HIDDEN : HIDDEN;
      }
      case "cookie" -> cookies(value, "; ");
      case "set-cookie" -> {
        int semi = value.indexOf(';');
        yield semi < 0 ? cookies(value, "") : cookies(value.substring(0, semi), "")
            + value.substring(semi);
      }
      default -> value;
    };
  }

  /** {@code a=***; b=***}: the names of the cookies only. */
  private static String cookies(String pairs, String separator) {
    StringBuilder out = new StringBuilder();
    for (String pair : pairs.split(";")) {
      int equals = pair.indexOf('=');
      String name = (equals < 0 ? pair : pair.substring(0, equals)).strip();
      out.append(out.isEmpty() ? "" : separator.isEmpty() ? "; " : separator)
          .append(name).append('=').append(HIDDEN);
    }
    return out.toString();
  }
}
