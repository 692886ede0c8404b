package cn.parkflow.registry;

/** A code that screens show by its Chinese label. */
public interface Labelled {
    String label();
}
