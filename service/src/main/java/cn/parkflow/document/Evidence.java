package cn.parkflow.document;

import java.time.Instant;

/** An evidence document as its readers see it: what it is, its name, size, SHA-256 and type, and when it came. */
public record Evidence(long id, DocumentType type, String typeLabel, String fileName, long size, String sha256,
        String contentType, Instant uploadedAt) {}
