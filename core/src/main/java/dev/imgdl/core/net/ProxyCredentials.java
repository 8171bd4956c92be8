package dev.imgdl.core.net;

import java.io.IOException;
import java.net.Proxy;
import okhttp3.Authenticator;
import okhttp3.Connection;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Sends the {@code user:pass} of a proxy URL as {@code Proxy-Authorization: Basic}, to that
 * proxy only and without waiting for a 407: on the CONNECT of an https URL (OkHttp asks the
 * authenticator before it tunnels), and on each plain-http request sent through the proxy. Never
 * inside a tunnel, where the header would reach the origin server.
 */
public final class ProxyCredentials implements Authenticator, Interceptor {
  private static final String HEADER = "Proxy-Authorization";

  private final ProxyChoice proxies;

  public ProxyCredentials(ProxyChoice proxies) {
    this.proxies = proxies;
  }

  /** The CONNECT request, before it is sent and again after a 407. */
  @Override
  public Request authenticate(Route route, Response response) {
    ProxyAddress proxy = proxies.withCredentials(route.proxy().address());
    if (proxy == null || response.request().header(HEADER) != null) {
      // Credentials already refused: asking again with the same ones would loop.
      return null;
    }
    return response.request().newBuilder().header(HEADER, basic(proxy)).build();
  }

  /** A plain-http request that goes through the proxy of its connection. */
  @Override
  public Response intercept(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (request.isHttps() || connection == null
        || connection.route().proxy().type() != Proxy.Type.HTTP) {
      return chain.proceed(request);
    }
    ProxyAddress proxy = proxies.withCredentials(connection.route().proxy().address());
    if (proxy == null) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().header(HEADER, basic(proxy)).build());
  }

  private static String basic(ProxyAddress proxy) {
    return Credentials.basic(proxy.user(), proxy.password());
  }
}
