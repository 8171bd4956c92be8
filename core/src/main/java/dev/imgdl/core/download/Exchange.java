package dev.imgdl.core.download;

import dev.imgdl.core.config.Durations;
import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.net.AddressFamilyDns;
import dev.imgdl.core.net.Netrc;
import dev.imgdl.core.net.TlsFailure;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one URL: a GET that follows up to 10 redirects itself, sends credentials from
 * the URL (else from the netrc file, for the URL's host) as HTTP Basic only to the URL's own
 * host, and turns every way it can go wrong into an {@link Outcome.Failure} that says whether
 * another attempt may help.
 */
final class Exchange {
  private static final Logger log = LoggerFactory.getLogger(Exchange.class);
  private static final int MAX_REDIRECTS = 10;

  private final HttpClients clients;
  private final HostGate gate;
  private final BodyReader bodies;
  private final Headers headers;
  private final FetchSettings settings;
  private final OptOut optOut;
  private final Netrc netrc;
  private volatile boolean cancelled;

  Exchange(HttpClients clients, HostGate gate, ByteBudget budget, FetchSettings settings,
      TempFiles temps) {
    this.clients = clients;
    this.gate = gate;
    this.settings = settings;
    this.bodies = new BodyReader(settings, temps, budget);
    this.headers = headers(settings);
    this.optOut = new OptOut(settings.request().disallowedDirectives());
    String netrcFile = settings.identity().netrcFile();
    this.netrc = netrcFile == null ? null : Netrc.read(Path.of(netrcFile), netrcFile);
  }

  void cancel() {
    cancelled = true;
  }

  boolean cancelled() {
    return cancelled;
  }

  Outcome run(HttpUrl original, long deadlineNanos, int worker) throws InterruptedException {
    HttpUrl current = withoutCredentials(original);
    Set<String> seen = new HashSet<>(List.of(current.toString()));
    for (int redirects = 0; ; ) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return Outcome.Failure.permanent(deadlineExceeded());
      }
      try (HostGate.Permit permit = gate.acquire(current.host(), deadlineNanos)) {
        Request request = request(original, current, permit);
        OkHttpClient client;
        try {
          client = clients.forUrl(current);
        } catch (UncheckedIOException e) {
          // The TLS set-up reads the --cacert file, checked at start but gone since.
          return Outcome.Failure.permanent("cannot read the --cacert file: " + e.getCause());
        }
        Call call = client.newCall(request);
        long left = Math.max(1, deadlineNanos - System.nanoTime());
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
          log.debug("GET {} -> {}", current, response.code());
          if (response.isRedirect()) {
            String location = response.header("Location");
            if (location == null) {
              return httpFailure("HTTP " + response.code() + " without a Location", response);
            }
            HttpUrl next = current.resolve(location);
            if (next == null) {
              return httpFailure("redirect to a URL that is not http(s)", response);
            }
            next = withoutCredentials(next);
            if (!seen.add(next.toString())) {
              return httpFailure("redirect loop", response);
            }
            if (++redirects > MAX_REDIRECTS) {
              return httpFailure("too many redirects (> " + MAX_REDIRECTS + ")", response);
            }
            current = next;
            continue;
          }
          if (!response.isSuccessful()) {
            return new Outcome.Failure(
                "HTTP " + response.code(),
                RetryPolicy.retryable(response.code()),
                Outcome.Reply.of(response),
                RetryPolicy.retryAfterMillis(response.header("Retry-After"), Instant.now()));
          }
          String optedOut = optOut.check(response.headers("X-Robots-Tag"));
          if (optedOut != null) {
            return httpFailure(optedOut, response);
          }
          Outcome.Failure refused = bodies.checkHeaders(response);
          return refused != null ? refused : bodies.read(response, worker);
        }
      } catch (HostGate.GateTimeoutException e) {
        return Outcome.Failure.permanent(deadlineExceeded() + " waiting for a slot on the host");
      } catch (IOException e) {
        return classify(e, deadlineNanos);
      }
    }
  }

  private Outcome.Failure classify(IOException e, long deadlineNanos) {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      return Outcome.Failure.permanent("interrupted");
    }
    log.debug("attempt failed", e);
    if (e instanceof BadResponseException bad) {
      return bad.failure();
    }
    boolean callTimeout =
        e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
    if (callTimeout || System.nanoTime() >= deadlineNanos - 10_000_000L) {
      return Outcome.Failure.permanent(deadlineExceeded());
    }
    if (e instanceof SocketTimeoutException) {
      String what = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect")
          ? "connect timeout after "
          : "timeout after ";
      return Outcome.Failure.transientError(what + Durations.format(timeout()));
    }
    if (e instanceof AddressFamilyDns.NoAddressException) {
      return Outcome.Failure.permanent(e.getMessage());
    }
    if (e instanceof UnknownHostException) {
      return Outcome.Failure.transientError("unknown host " + e.getMessage());
    }
    if (e instanceof ConnectException) {
      return Outcome.Failure.transientError("connection refused");
    }
    if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
      return Outcome.Failure.permanent(TlsFailure.describe((SSLException) e));
    }
    return Outcome.Failure.transientError("connection error: " + ThrowableText.reason(e));
  }

  private Request request(HttpUrl original, HttpUrl current, HostGate.Permit permit) {
    Request.Builder builder =
        new Request.Builder().url(current).headers(headers).tag(HostGate.Permit.class, permit);
    boolean sameOrigin =
        current.host().equals(original.host()) && current.port() == original.port();
    Netrc.Login login = sameOrigin ? login(original) : null;
    if (login != null) {
      builder.header("Authorization", okhttp3.Credentials.basic(login.user(), login.password()));
    }
    return builder.get().build();
  }

  /**
   * The URL's {@code user:password}; else, as curl does, the netrc file's login for the URL's
   * host (for the URL's user, when it names one without a password); else its user alone.
   */
  private Netrc.Login login(HttpUrl url) {
    String user = url.username();
    if (url.password().isEmpty() && netrc != null) {
      Netrc.Login found = netrc.find(url.host(), user.isEmpty() ? null : user);
      if (found != null) {
        return found;
      }
    }
    return user.isEmpty() ? null : new Netrc.Login(user, url.password());
  }

  private static HttpUrl withoutCredentials(HttpUrl url) {
    if (url.username().isEmpty() && url.password().isEmpty()) {
      return url;
    }
    return url.newBuilder().username("").password("").build();
  }

  private static Outcome.Failure httpFailure(String error, Response response) {
    return Outcome.Failure.of(error, response);
  }

  private String deadlineExceeded() {
    return "deadline " + Durations.format(Duration.ofMillis(settings.request().deadlineMillis()))
        + " exceeded";
  }

  private Duration timeout() {
    return Duration.ofMillis(settings.request().timeoutMillis());
  }

  private static Headers headers(FetchSettings settings) {
    Headers.Builder builder = new Headers.Builder();
    builder.set("User-Agent", settings.request().userAgent());
    for (String header : settings.request().headers()) {
      int colon = header.indexOf(':');
      builder.set(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    return builder.build();
  }
}
