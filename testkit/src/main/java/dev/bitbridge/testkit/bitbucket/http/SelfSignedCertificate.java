package dev.bitbridge.testkit.bitbucket.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made with the JDK's {@code keytool} (no extra
 * dependency). Clients that trust only public CAs refuse it: that is the point, for TLS-failure tests.
 */
public final class SelfSignedCertificate {

    /** The certificate's subject (and issuer). */
    public static final String SUBJECT = "CN=bitbucket-simulator.test, O=Bitbridge Testkit";
    private static final char[] PASSWORD = "simulator".toCharArray();

    private final SSLContext context;
    private final String pem;

    private SelfSignedCertificate(SSLContext context, String pem) {
        this.context = context;
        this.pem = pem;
    }

    /** Generates a fresh key pair and certificate valid for two days. */
    public static SelfSignedCertificate generate() {
        try {
            Path dir = Files.createTempDirectory("bitbucket-sim-tls-");
            Path store = dir.resolve("simulator.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "simulator", "-keyalg",
                    "RSA", "-keysize", "2048", "-validity", "2", "-dname", SUBJECT, "-ext",
                    "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            Files.delete(store);
            Files.delete(dir);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            X509Certificate cert = (X509Certificate) keys.getCertificate("simulator");
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new SelfSignedCertificate(context, pem);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Could not make a self-signed certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a certificate", e);
        }
    }

    public SSLContext sslContext() {
        return context;
    }

    /** @return the certificate in PEM, for clients that should trust it */
    public String pem() {
        return pem;
    }
}
