package cn.parkflow.registry;

/**
 * Filters of the public registry search; all optional. {@code q} matches name, operator, address
 * (substring) or the exact credit code; {@code title} keeps carriers holding that title today.
 */
public record CarrierFilter(City city, CarrierKind kind, Level level, CarrierStatus status, Industry industry,
        String title, String q) {

    public CarrierFilter {
        q = q == null || q.isBlank() ? null : q.strip();
        title = title == null || title.isBlank() ? null : title.strip();
        if (q != null && q.length() > 100) {
            throw new IllegalArgumentException("q 最长100个字符");
        }
    }
}
