package dev.bitbridge.ingress.config;

/**
 * Names taken from configuration map keys (integration names, sealing key ids). Environment variables cannot spell a
 * hyphen, so an integration {@code acme-cloud} arrives as the key {@code acme.cloud} from
 * {@code BITBRIDGE_INGRESS_INTEGRATIONS__ACME_CLOUD__FLAVOR}; names never contain dots or underscores, so both are
 * read as hyphens.
 */
public final class ConfigNames {

    private ConfigNames() {
    }

    /** @return the name a configuration map key stands for: dots and underscores become hyphens */
    public static String normalize(String key) {
        return key.replace('.', '-').replace('_', '-');
    }

    /** @return how to write a name in an environment variable: upper case, hyphens as underscores */
    public static String envSegment(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
