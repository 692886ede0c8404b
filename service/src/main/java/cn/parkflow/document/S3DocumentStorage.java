package cn.parkflow.document;

import cn.parkflow.system.ParkflowProperties;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriUtils;

/** Documents in a private S3 bucket (MinIO in production, S3Proxy in the ITs). */
class S3DocumentStorage implements DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(S3DocumentStorage.class);

    private final MinioClient client;
    private final MinioClient presigner;
    private final String bucket;

    S3DocumentStorage(ParkflowProperties.S3 config) {
        this.bucket = config.bucket();
        this.client = client(config.endpoint(), config);
        this.presigner = config.publicEndpoint() == null ? client : client(config.publicEndpoint(), config);
    }

    private static MinioClient client(URI endpoint, ParkflowProperties.S3 config) {
        if (config.accessKey() == null || config.secretKey() == null) {
            throw new IllegalStateException("parkflow.storage.s3.access-key and secret-key must be set for S3 storage");
        }
        return MinioClient.builder()
                .endpoint(endpoint.toString())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .build();
    }

    /** Creates the bucket when missing. A new bucket has no policy, so it is private. */
    void ensureBucket() throws IOException {
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                log.info("Created private bucket {}", bucket);
            }
            return null;
        });
    }

    @Override
    public void put(String key, Path file, long size, String contentType) throws IOException {
        if (exists(key)) {
            throw new IOException("object exists, documents are immutable: " + key);
        }
        try (InputStream in = Files.newInputStream(file)) {
            call(() -> client.putObject(PutObjectArgs.builder()
                    .bucket(bucket).object(key)
                    .stream(in, size, -1)
                    .contentType(contentType)
                    .build()));
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw new IOException("S3 stat failed for " + key, e);
        } catch (MinioException | GeneralSecurityException e) {
            throw new IOException("S3 stat failed for " + key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl, String downloadName, String contentType, boolean inline) throws IOException {
        String disposition = (inline ? "inline" : "attachment")
                + "; filename*=UTF-8''" + UriUtils.encode(downloadName, StandardCharsets.UTF_8);
        String url = call(() -> presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(bucket).object(key)
                .expiry((int) Math.max(1, ttl.toSeconds()), TimeUnit.SECONDS)
                .extraQueryParams(Map.of(
                        "response-content-disposition", disposition,
                        "response-content-type", contentType))
                .build()));
        return Optional.of(URI.create(url));
    }

    private interface S3Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("S3 request failed: " + e.getMessage(), e);
        }
    }
}
