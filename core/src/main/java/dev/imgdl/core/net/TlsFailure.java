package dev.imgdl.core.net;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A failed TLS handshake in words a user can act on, with the fix when imgdl has one: the JDK's
 * own messages ("PKIX path building failed: sun.security...") name its internals, not the
 * problem. None of these is worth another attempt: the same certificate comes back.
 */
public final class TlsFailure {
  private static final Pattern NAMES = Pattern.compile("subjectAltNames: \\[([^\\]]*)\\]");
  private static final String FIX = ": use --cacert FILE, or --insecure";

  private TlsFailure() {}

  public static String describe(SSLException e) {
    if (e instanceof SSLPeerUnverifiedException && String.valueOf(e.getMessage())
        .startsWith("Hostname ")) {
      Matcher names = NAMES.matcher(e.getMessage());
      String forNames = names.find() ? "it is for " + names.group(1) : "see -v";
      return "host name does not match the certificate (" + forNames + ")";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Trust.Untrusted untrusted) {
        return "certificate not trusted ("
            + (untrusted.selfSigned ? "self-signed" : "unknown issuer") + ")" + FIX;
      }
      if (t instanceof CertificateExpiredException) {
        return "certificate expired";
      }
      if (t instanceof CertificateNotYetValidException) {
        return "certificate not yet valid";
      }
      if (t instanceof CertPathBuilderException) {
        return "certificate not trusted (unknown issuer)" + FIX;
      }
      if (t instanceof CertPathValidatorException v
          && v.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
        return "certificate revoked";
      }
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "TLS error: " + detail;
  }
}
