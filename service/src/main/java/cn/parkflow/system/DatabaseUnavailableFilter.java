package cn.parkflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage met outside a controller (the login check of every request, the browser session)
 * is answered as the controllers answer it: 503 problem details with {@code Retry-After}, never a 500
 * or a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ObjectMapper json;

    DatabaseUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseFailures.unavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            write(json, response);
        }
    }

    static void write(ObjectMapper json, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "10");
        ProblemResponses.write(json, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.TITLE, DatabaseFailures.DETAIL);
    }
}
