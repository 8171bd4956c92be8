package dev.imgdl.download;

import dev.imgdl.config.FetchSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one {@link OkHttpClient} of a JVM from the settings. Redirects are followed by the
 * core, not by OkHttp, so that it can count them, detect loops and keep credentials on their
 * host. OkHttp may silently retry a request once on a stale pooled connection (a server that
 * closed an idle keep-alive connection); every other retry is decided by the core.
 */
public final class HttpClients {
  private HttpClients() {}

  public static OkHttpClient create(FetchSettings settings, int parallelism) {
    Duration timeout = Duration.ofMillis(settings.timeoutMillis());
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, parallelism * 2));
    dispatcher.setMaxRequestsPerHost(Math.max(64, parallelism * 2));
    return new OkHttpClient.Builder()
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(Duration.ofMillis(settings.deadlineMillis()))
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(true)
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(Math.max(5, parallelism), 1, TimeUnit.MINUTES))
        .build();
  }
}
