package cn.parkflow.document;

import cn.parkflow.system.ParkflowProperties;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the document storage by {@code parkflow.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    DocumentStorage documentStorage(ParkflowProperties properties) throws IOException {
        ParkflowProperties.Storage storage = properties.storage();
        return switch (storage.type()) {
            case FILESYSTEM -> {
                log.info("Documents stored under {}", storage.filesystem().root().toAbsolutePath().normalize());
                yield new FilesystemDocumentStorage(storage.filesystem().root());
            }
            case S3 -> {
                S3DocumentStorage s3 = new S3DocumentStorage(storage.s3());
                s3.ensureBucket();
                log.info("Documents stored in bucket {} at {}", storage.s3().bucket(), storage.s3().endpoint());
                yield s3;
            }
        };
    }
}
