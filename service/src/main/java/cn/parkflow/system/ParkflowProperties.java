package cn.parkflow.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Everything under {@code parkflow.*}, bound once and read by the capabilities. */
@ConfigurationProperties("parkflow")
public record ParkflowProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("P7D") Duration publicationPeriod,
        @DefaultValue("P15D") Duration correctionPeriod,
        Map<String, String> publicationPeriods,
        @DefaultValue Due due,
        @DefaultValue Demo demo,
        @DefaultValue Storage storage,
        @DefaultValue("P2Y") java.time.Period fraudBar,
        @DefaultValue("P3M") java.time.Period changeReportPeriod,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        /** Where users and integrators reach the platform's operators (the OpenAPI description's contact). */
        @DefaultValue("support@parkflow.local") String contactEmail,
        @org.springframework.boot.context.properties.bind.Name("notify") @DefaultValue Notify notifications) {

    public ParkflowProperties {
        publicationPeriods = publicationPeriods == null ? Map.of() : Map.copyOf(publicationPeriods);
        publicationPeriods.forEach((kind, period) -> {
            try {
                Period.of(period);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parkflow.publication-periods." + kind + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The publication period of an application of carrier kind {@code kind}: {@code parkflow.publication-periods.<KIND>}
     * (e.g. {@code NURSERY: 5WD}, five working days for maker spaces) or else {@code parkflow.publication-period}.
     */
    public Period publicationPeriod(String kind) {
        String configured = publicationPeriods.get(kind);
        return Period.of(configured != null ? configured : publicationPeriod.toString());
    }

    /** {@code path} under {@code parkflow.public-url}, as printed in mail and documents; an absolute URL stays as it is. */
    public String publicLink(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (path.startsWith("/") ? path : "/" + path);
    }

    public record Demo(@DefaultValue("false") boolean enabled) {}

    public record Storage(
            @DefaultValue("filesystem") StorageType type,
            @DefaultValue Filesystem filesystem,
            @DefaultValue S3 s3,
            @DefaultValue("PT5M") Duration presignTtl) {

        /** Presigned URLs never live longer than five minutes, whatever the configuration says. */
        public static final Duration MAX_PRESIGN_TTL = Duration.ofMinutes(5);

        public Storage {
            if (presignTtl.isNegative() || presignTtl.isZero() || presignTtl.compareTo(MAX_PRESIGN_TTL) > 0) {
                throw new IllegalArgumentException("parkflow.storage.presign-ttl must be between 1s and PT5M, was " + presignTtl);
            }
        }
    }

    public enum StorageType { FILESYSTEM, S3 }

    public record Filesystem(@DefaultValue("./data/documents") Path root) {}

    public record S3(
            @DefaultValue("http://localhost:9000") URI endpoint,
            URI publicEndpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("parkflow-documents") String bucket,
            String accessKey,
            String secretKey) {}

    /**
     * Notifications (e-mail through {@code spring.mail.*}, the in-portal inbox, SMS): a reminder {@code remindBefore} a
     * task's due date; the outbox is polled every {@code poll}, a failed delivery is retried after {@code retryDelay},
     * doubling up to {@code maxRetryDelay}, for as long as it takes; mail goes out from {@code from}.
     */
    public record Notify(
            @DefaultValue("P2D") Duration remindBefore,
            @DefaultValue("PT5S") Duration poll,
            @DefaultValue("PT30S") Duration retryDelay,
            @DefaultValue("PT1H") Duration maxRetryDelay,
            @DefaultValue("江苏省科技企业孵化载体管理平台 <noreply@parkflow.local>") String from) {}

    /** How long each user task may take before it is overdue (its due date). */
    public record Due(
            @DefaultValue("P15D") Duration siteCheck,
            @DefaultValue("P10D") Duration cityExpertReview,
            @DefaultValue("P20D") Duration cityReview,
            @DefaultValue("P20D") Duration provinceReview,
            @DefaultValue("P10D") Duration expertReview,
            @DefaultValue("P10D") Duration decision,
            @DefaultValue("P5D") Duration objection,
            @DefaultValue("P180D") Duration nationalOutcome) {}
}
