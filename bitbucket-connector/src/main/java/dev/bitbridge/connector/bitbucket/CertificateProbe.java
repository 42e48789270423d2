package dev.bitbridge.connector.bitbucket;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the certificate a server presents, without trusting it and without sending anything but a TLS handshake, so
 * that a TLS failure can name the certificate at fault. Blocking: call it on a worker thread.
 */
public final class CertificateProbe {

    private static final int TIMEOUT_MS = 5000;

    private CertificateProbe() {
    }

    /** @return "subject …, issued by …" of the server's certificate, if one could be read */
    public static Optional<String> describe(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() > 0 ? uri.getPort() : 443;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { new AcceptAnything() }, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MS);
                socket.setSoTimeout(TIMEOUT_MS);
                socket.startHandshake();
                X509Certificate cert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                boolean selfSigned = cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
                return Optional.of("subject " + cert.getSubjectX500Principal().getName() + ", issued by "
                        + (selfSigned ? "itself (self-signed)" : cert.getIssuerX500Principal().getName()));
            }
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Used only to read a certificate in a handshake that carries no request. */
    private static final class AcceptAnything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
