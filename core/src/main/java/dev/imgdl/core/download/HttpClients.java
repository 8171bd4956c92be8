package dev.imgdl.core.download;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Identity;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.net.AddressFamilyDns;
import dev.imgdl.core.net.CookieFile;
import dev.imgdl.core.net.CookieStore;
import dev.imgdl.core.net.ProxyChoice;
import dev.imgdl.core.net.ProxyCredentials;
import dev.imgdl.core.net.Trust;
import java.io.IOException;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The HTTP client of a JVM, built once from the settings: one connection pool and one dispatcher,
 * used in two configurations. Plain-http requests use a client without TLS; the TLS one is
 * derived from it on the first https request, because setting up TLS (trust store, SSL context)
 * costs about a tenth of a second of start-up, paid in every child JVM.
 *
 * <p>Redirects are followed by the core, not by OkHttp, so that it can count them, detect loops
 * and keep credentials on their host. OkHttp may silently retry a request once on a stale pooled
 * connection (a server that closed an idle keep-alive connection); every other retry is decided
 * by the core. {@link Framing} refuses, in the network layer, a body whose length is ambiguous.
 * Proxies are chosen by {@link ProxyChoice}, with credentials from {@link ProxyCredentials};
 * certificates are trusted as {@link Trust} says. Cookies are kept by a {@link CookieStore}
 * only when the run asks for them; OkHttp's own jar keeps none.
 */
public final class HttpClients {
  /** A Retry-After that OkHttp reads as "a long wait" and the core as "none given". */
  private static final String UNSPECIFIED = "unspecified";

  /**
   * Tells a request's host permit when the request has left (see {@link
   * HostGate.Permit#started}): OkHttp starts reading the response only once the request is
   * written and flushed to the socket. Marking it any sooner, even before the write, lets the
   * first request of a cold JVM, slowed by class loading, arrive a few milliseconds late.
   */
  private static final EventListener SENT =
      new EventListener() {
        @Override
        public void responseHeadersStart(Call call) {
          HostGate.Permit permit = call.request().tag(HostGate.Permit.class);
          if (permit != null) {
            permit.started();
          }
        }
      };

  private final OkHttpClient plain;
  private volatile OkHttpClient tls;

  private final Network network;
  private final CookieStore cookies;

  private HttpClients(OkHttpClient plain, Network network, CookieStore cookies) {
    this.plain = plain;
    this.network = network;
    this.cookies = cookies;
  }

  /**
   * @param gated whether requests carry a host permit that must hear when they left; without,
   *     calls get no event listener at all (measured: docs/benchmarks.md, "Per-request levers")
   */
  public static HttpClients create(FetchSettings settings, int parallelism, boolean gated) {
    Duration timeout = Duration.ofMillis(settings.request().timeoutMillis());
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, parallelism * 2));
    dispatcher.setMaxRequestsPerHost(Math.max(64, parallelism * 2));
    ProxyChoice proxies = new ProxyChoice(settings.request().network(), ProxySelector.getDefault());
    Identity identity = settings.identity();
    CookieStore cookies = cookies(identity);
    return new HttpClients(
        WireLog.addTo(new OkHttpClient.Builder()
            .cookieJar(identity.cookieEngine() ? cookies : CookieJar.NO_COOKIES)
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(Duration.ofMillis(settings.request().deadlineMillis()))
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(true)
            .eventListener(gated ? SENT : EventListener.NONE)
            .addNetworkInterceptor(Framing::check)
            .addNetworkInterceptor(HttpClients::leaveRetriesToTheCore)
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(Math.max(5, parallelism), 1, TimeUnit.MINUTES))
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .dns(AddressFamilyDns.of(settings.request().network().ipVersion()))
            .proxySelector(proxies)
            .proxyAuthenticator(new ProxyCredentials(proxies))
            .addNetworkInterceptor(new ProxyCredentials(proxies)))
            .build(),
        settings.request().network(), cookies);
  }

  /** The cookies of a run that keeps them, from its file; an unused empty store otherwise. */
  private static CookieStore cookies(Identity identity) {
    String file = identity.cookieFile();
    return new CookieStore(file == null ? List.of() : CookieFile.read(Path.of(file), file));
  }

  /** The cookies kept so far: empty, and never sent, when the run keeps none. */
  public CookieStore cookies() {
    return cookies;
  }

  /** The client for a request to {@code url}. */
  public OkHttpClient forUrl(HttpUrl url) {
    if (!url.isHttps()) {
      return plain;
    }
    OkHttpClient client = tls;
    if (client == null) {
      synchronized (this) {
        if (tls == null) {
          OkHttpClient.Builder builder = plain.newBuilder()
              .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
          Trust.apply(builder, network);
          tls = builder.build();
        }
        client = tls;
      }
    }
    return client;
  }

  /** Cancels every call in flight or queued, in both configurations (they share a dispatcher). */
  public void cancelAll() {
    plain.dispatcher().cancelAll();
  }

  /** Releases threads and pooled connections; for tests and embedders. */
  public void close() {
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
  }

  /**
   * OkHttp sends a request again by itself, at once and uncounted, after a 408 whose Retry-After
   * is absent or 0, and after a 503 whose Retry-After is 0. Such a response gets a Retry-After
   * OkHttp cannot read as seconds, so that it hands the response over; the core then reads no
   * Retry-After and retries with its backoff, counted against {@code --retries}.
   */
  private static Response leaveRetriesToTheCore(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() != 408 && response.code() != 503) {
      return response;
    }
    String retryAfter = response.header("Retry-After");
    boolean zero = retryAfter != null && retryAfter.strip().matches("0+");
    if (zero || (retryAfter == null && response.code() == 408)) {
      return response.newBuilder().header("Retry-After", UNSPECIFIED).build();
    }
    return response;
  }
}
