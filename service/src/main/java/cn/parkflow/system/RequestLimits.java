package cn.parkflow.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits checked before a request body is read: a multipart request may carry one document and its
 * form fields ({@code parkflow.documents.max-request-size}), a request to an endpoint that anyone may
 * call without logging in (objections, the login) at most {@link #PUBLIC_BODY_LIMIT}; a larger
 * declared body is answered 413 at once, and a body without a declared length is cut off at the same
 * limit. Public objections are limited per client address ({@code parkflow.security.objections-per-address}
 * within {@code objection-window}), answered 429 beyond.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestLimits extends OncePerRequestFilter {

    static final long PUBLIC_BODY_LIMIT = 64 * 1024;

    private static final Pattern PUBLIC_POST = Pattern.compile(
            "/api/(session|applications/[^/]+/objections|benchmark/campaigns/[^/]+/objections|accounts/operators)");
    private static final Pattern OBJECTION = Pattern.compile("/api/(applications|benchmark/campaigns)/[^/]+/objections");

    private final long multipartLimit;
    private final int objectionsPerAddress;
    private final Duration objectionWindow;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Deque<Instant>> objections = new ConcurrentHashMap<>();

    RequestLimits(@Value("${parkflow.documents.max-request-size:51MB}") DataSize multipartLimit,
            @Value("${parkflow.security.objections-per-address:5}") int objectionsPerAddress,
            @Value("${parkflow.security.objection-window:PT1H}") Duration objectionWindow, ObjectMapper json, Clock clock) {
        this.multipartLimit = multipartLimit.toBytes();
        this.objectionsPerAddress = objectionsPerAddress;
        this.objectionWindow = objectionWindow;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean publicPost = "POST".equals(request.getMethod()) && PUBLIC_POST.matcher(path).matches();
        String type = request.getContentType();
        long limit = publicPost ? PUBLIC_BODY_LIMIT
                : type != null && type.toLowerCase().startsWith("multipart/") ? multipartLimit : -1;
        if (publicPost && type != null && type.toLowerCase().startsWith("multipart/")) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的请求格式", "此接口只接受 JSON");
            return;
        }
        if (limit >= 0 && request.getContentLengthLong() > limit) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "请求过大", "请求体超过 " + DataSize.ofBytes(limit).toKilobytes() + " KB 上限");
            return;
        }
        if (publicPost && OBJECTION.matcher(path).matches() && !allowObjection(request.getRemoteAddr())) {
            response.setHeader("Retry-After", String.valueOf(objectionWindow.toSeconds()));
            refuse(response, HttpStatus.TOO_MANY_REQUESTS, "提交过于频繁", "同一地址提交异议过于频繁，请稍后再试");
            return;
        }
        chain.doFilter(limit >= 0 && request.getContentLengthLong() < 0 ? new LimitedBodyRequest(request, limit) : request, response);
    }

    private boolean allowObjection(String address) {
        Deque<Instant> recent = objections.computeIfAbsent(address, a -> new ArrayDeque<>());
        Instant now = clock.instant();
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(objectionWindow))) {
                recent.pollFirst();
            }
            if (recent.size() >= objectionsPerAddress) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setHeader("Connection", "close"); // the rest of the body is not read
        ProblemResponses.write(json, response, status, title, detail);
    }
}
