package cn.parkflow.document;

import java.text.Normalizer;

/** Display names for uploaded files: never used as storage keys, but shown and sent back to browsers. */
public final class FileNames {

    private static final int MAX_LENGTH = 120;

    private FileNames() {}

    /**
     * Keeps the last path segment, drops control characters and characters that are unsafe in paths
     * or headers, collapses whitespace and limits the length; an empty result becomes "文件".
     */
    public static String sanitise(String name) {
        if (name == null) {
            return "文件";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || "<>:\"|?*;%".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT) {
                out.append('_');
            } else {
                out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
        });
        String cleaned = out.toString().replaceAll(" +", " ").strip();
        while (cleaned.startsWith(".") || cleaned.startsWith(" ")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 8 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH - ext.length())) + ext;
        }
        return cleaned.isBlank() ? "文件" : cleaned;
    }

    /**
     * The name a browser saves a document under: its display name with the extension of the type its
     * bytes were sniffed as ({@code x.html} holding a PDF is sent as {@code x.pdf}), so a download is
     * never opened as something else.
     */
    public static String forDownload(String name, String contentType) {
        String ext = switch (contentType == null ? "" : contentType) {
            case "application/pdf" -> ".pdf";
            case "application/ofd" -> ".ofd";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".bin";
        };
        String base = sanitise(name);
        int dot = base.lastIndexOf('.');
        if (dot > 0 && base.substring(dot).equalsIgnoreCase(ext)) {
            return base;
        }
        if (ext.equals(".jpg") && dot > 0 && base.substring(dot).equalsIgnoreCase(".jpeg")) {
            return base;
        }
        return (dot > 0 ? base.substring(0, dot) : base) + ext;
    }
}
