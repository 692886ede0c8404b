package cn.parkflow.registry;

/**
 * Where issued certificates are kept, as issued: written once under a key, never replaced. The document store implements
 * it (the registry does not know where documents live).
 */
public interface CertificateArchive {

    /**
     * Keeps {@code pdf} under {@code key} unless a certificate is kept there already (an earlier issue that did not get to
     * record its digest), and returns the bytes that are kept under the key now.
     */
    byte[] keep(String key, byte[] pdf);

    /** The certificate kept under {@code key}. */
    byte[] read(String key);
}
