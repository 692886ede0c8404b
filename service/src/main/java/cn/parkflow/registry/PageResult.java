package cn.parkflow.registry;

import java.util.List;

/** One page of results. {@code page} counts from 0. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResult<T> of(List<T> content, int page, int size, long total) {
        return new PageResult<>(content, page, size, total, (int) ((total + size - 1) / size));
    }
}
