package cn.parkflow.registry;

import jakarta.validation.constraints.Size;

/**
 * Filters of the public registry search; all optional. {@code q} matches name, operator, address
 * (substring) or the exact credit code; {@code title} keeps carriers holding that title today.
 */
public record CarrierFilter(City city, CarrierKind kind, Level level, CarrierStatus status, Industry industry,
        String title, @Size(max = 100, message = "关键字最长100个字符") String q) {

    public CarrierFilter {
        q = q == null || q.isBlank() ? null : q.strip();
        title = title == null || title.isBlank() ? null : title.strip();
    }
}
