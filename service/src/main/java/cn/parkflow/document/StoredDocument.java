package cn.parkflow.document;

/** A document written to storage: its generated key, detected type, size and SHA-256 (hex). */
public record StoredDocument(String objectKey, String fileName, String contentType, long size, String sha256) {}
