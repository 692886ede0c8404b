package cn.parkflow.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Decides a document's content type from its bytes, never from its name: PDF, OFD (GB/T 33190,
 * a ZIP container whose root holds {@code OFD.xml}), JPEG and PNG are accepted.
 */
final class ContentSniffer {

    static final String PDF = "application/pdf";
    static final String OFD = "application/ofd";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ContentSniffer() {}

    static Optional<String> detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, read);
        if (startsWith(start, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(start, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(start, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(start, ZIP_MAGIC) && isOfd(file)) {
            return Optional.of(OFD);
        }
        return Optional.empty();
    }

    private static boolean isOfd(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry("OFD.xml");
            return entry != null && !entry.isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The file-name extension that matches a detected content type. */
    static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> ".pdf";
            case OFD -> ".ofd";
            case JPEG -> ".jpg";
            case PNG -> ".png";
            default -> "";
        };
    }
}
