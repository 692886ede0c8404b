package cn.parkflow.registry;

import cn.parkflow.system.ApiException;
import cn.parkflow.system.ParkflowProperties;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Certificates (认定证书). A certification's certificate is issued when the certification of an application is recorded
 * (after its transaction commits: {@link #issueAfterCommit}), or else the first time it is asked for: laid out from the
 * registry's data ({@link CertificateLayout}), kept in the {@link CertificateArchive}, and its SHA-256 recorded with the
 * certification, which the registry page then shows. From then on the kept bytes are served, so a later change of the
 * layout or the public address never changes a certificate someone holds. Two first requests at once lay out the same
 * bytes (the layout is deterministic), and the archive keeps the first.
 */
@Service
public class Certificates {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Certificates.class);

    /** An issued certificate: its bytes and their SHA-256 (hex). */
    public record Issued(String number, byte[] pdf, String sha256) {}

    private final JdbcTemplate jdbc;
    private final RegistryReader reader;
    private final CertificateArchive archive;
    private final ParkflowProperties properties;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate afterCommit;

    Certificates(JdbcTemplate jdbc, RegistryReader reader, CertificateArchive archive, ParkflowProperties properties, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.afterCommit = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.reader = reader;
        this.archive = archive;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Issues the certificate once the current transaction has committed, so that it shows the carrier as certified; a
     * failure (the document store unavailable) is logged and the first download issues it instead.
     */
    void issueAfterCommit(long carrierId, String number) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    // the committed transaction's connection is still bound: the issue needs a transaction of its own
                    afterCommit.executeWithoutResult(status -> certificate(carrierId, number));
                } catch (RuntimeException e) {
                    LOG.warn("certificate {} of carrier {} not issued now, it will be on its first download: {}", number, carrierId, e.toString());
                }
            }
        });
    }

    public Issued certificate(long carrierId, String number) {
        CarrierDetails carrier = reader.find(carrierId).orElseThrow(() -> ApiException.notFound("载体"));
        CarrierDetails.Certification certification = carrier.certifications().stream()
                .filter(c -> c.number().equals(number)).findFirst()
                .orElseThrow(() -> ApiException.notFound("认定"));
        String key = key(carrierId, number);
        if (certification.certificateSha256() != null) {
            return new Issued(number, archive.read(key), certification.certificateSha256());
        }
        byte[] kept = archive.keep(key, CertificateLayout.render(carrier.carrier(), certification, verificationLink(carrierId)));
        String sha256 = sha256(kept);
        jdbc.update("UPDATE certification SET certificate_sha256 = ?, certificate_issued_at = ? WHERE id = ? AND certificate_sha256 IS NULL",
                sha256, java.sql.Timestamp.from(clock.instant()), certification.id());
        List<String> recorded = jdbc.queryForList("SELECT certificate_sha256 FROM certification WHERE id = ?", String.class, certification.id());
        return new Issued(number, kept, recorded.isEmpty() || recorded.get(0) == null ? sha256 : recorded.get(0));
    }

    /** The public registry page of the carrier, where the certificate's digest is published. */
    String verificationLink(long carrierId) {
        return properties.publicLink("/portal/carrier.html?id=" + carrierId);
    }

    static String key(long carrierId, String number) {
        return "certificates/" + carrierId + "/" + number + ".pdf";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
