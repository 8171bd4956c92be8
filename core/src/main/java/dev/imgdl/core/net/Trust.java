package dev.imgdl.core.net;

import dev.imgdl.core.config.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/**
 * The certificate trust of the TLS client: the JDK's (which honours {@code
 * -Djavax.net.ssl.trustStore}), plus the certificates of {@code --cacert}; or none at all with
 * {@code --insecure}. A certificate refused for lack of a trusted issuer is refused with a
 * {@link Untrusted} exception that says whether it was self-signed, since the JDK's message
 * ("PKIX path building failed") does not, and the fix is not the same.
 */
public final class Trust {
  private Trust() {}

  /** Why a certificate chain was not trusted, in words {@link TlsFailure} turns into advice. */
  static final class Untrusted extends CertificateException {
    final boolean selfSigned;

    Untrusted(boolean selfSigned, CertificateException cause) {
      super(selfSigned ? "self-signed certificate" : "certificate of an unknown issuer", cause);
      this.selfSigned = selfSigned;
    }
  }

  public static void apply(OkHttpClient.Builder builder, Network network) {
    X509TrustManager manager = network.insecure() ? new TrustingAll() : checking(network);
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {manager}, new SecureRandom());
      SSLSocketFactory factory = context.getSocketFactory();
      builder.sslSocketFactory(factory, manager);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS cannot be set up: " + e, e);
    }
    if (network.insecure()) {
      builder.hostnameVerifier((host, session) -> true);
    }
  }

  private static X509TrustManager checking(Network network) {
    X509TrustManager base;
    if (network.caCertFile() == null) {
      base = platform();
    } else {
      HandshakeCertificates.Builder certificates =
          new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
      try {
        CaCertificates.read(Path.of(network.caCertFile())).forEach(
            certificates::addTrustedCertificate);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      base = certificates.build().trustManager();
    }
    return new Explaining(base);
  }

  private static X509TrustManager platform() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the JDK has no X509TrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS cannot be set up: " + e, e);
    }
  }

  /** Checks with the manager given, and says why a chain without a trusted issuer failed. */
  private record Explaining(X509TrustManager base) implements X509TrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        base.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        if (!pathNotFound(e)) {
          throw e;
        }
        boolean selfSigned = chain.length == 1
            && chain[0].getSubjectX500Principal().equals(chain[0].getIssuerX500Principal());
        throw new Untrusted(selfSigned, e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      base.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return base.getAcceptedIssuers();
    }

    private static boolean pathNotFound(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.security.cert.CertPathBuilderException) {
          return true;
        }
        if (t instanceof java.security.cert.CertificateExpiredException
            || t instanceof java.security.cert.CertificateNotYetValidException) {
          return false;
        }
      }
      return false;
    }
  }

  /** {@code --insecure}: every chain is accepted. */
  private static final class TrustingAll implements X509TrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
