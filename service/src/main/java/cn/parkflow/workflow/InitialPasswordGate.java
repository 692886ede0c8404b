package cn.parkflow.workflow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account holding a one-time initial password (user info {@value Directory#INFO_PASSWORD_CHANGE_REQUIRED})
 * may log in, but until its user has changed the password every request is refused (403) except reading
 * and ending the session and changing the password: on {@code /api}, on engine REST and in Camunda's webapps
 * (whose pages lead to the portal's password page). On the webapps it also ends a session whose account's
 * password has changed since its login ({@link BrowserSessions#endIfStale}).
 */
@Configuration(proxyBeanMethods = false)
public class InitialPasswordGate {

    static final String DETAIL = "首次登录须先修改初始密码：请在门户“修改密码”页（/portal/password.html）或通过 POST /api/session/password 修改";

    private final Directory directory;
    private final IdentityService identity;
    private final BrowserSessions sessions;

    /** Lazily: the filter is made when the web server starts, and the engine must not start before the schema migrations. */
    InitialPasswordGate(@Lazy Directory directory, @Lazy IdentityService identity, @Lazy BrowserSessions sessions) {
        this.directory = directory;
        this.identity = identity;
        this.sessions = sessions;
    }

    /** Whether this account must change its initial password before anything else. */
    public boolean required(String userId) {
        return userId != null && directory.info(userId, Directory.INFO_PASSWORD_CHANGE_REQUIRED).isPresent();
    }

    /** The filter of the {@code /api} chain, after authentication. */
    public OncePerRequestFilter apiFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean allowed = path.equals("/api/session") || path.equals("/api/session/password");
                if (!allowed && caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
                        && required(caller.getName())) {
                    refuse(response);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> initialPasswordOnEngine() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                Optional<String> user;
                if (path.startsWith("/engine-rest/")) { // after Camunda's HTTP Basic filter
                    var auth = identity.getCurrentAuthentication();
                    user = Optional.ofNullable(auth == null ? null : auth.getUserId());
                } else if (path.startsWith("/camunda/api/admin/auth/")) { // the webapps' login and logout
                    chain.doFilter(request, response);
                    sessions.endIfStale(request); // a session just logged in takes the account's credentials stamp
                    return;
                } else if (sessions.endIfStale(request)) { // the password changed since this session's login
                    if (path.startsWith("/camunda/app/")) { // the webapp's page again, now without a session: its login
                        response.sendRedirect(request.getRequestURI());
                    } else {
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    }
                    return;
                } else {
                    user = sessions.current(request).map(BrowserSessions.Login::userId);
                }
                if (user.isPresent() && required(user.get())) {
                    if (path.startsWith("/camunda/app/")) { // a webapp's page: to the portal's password page instead
                        response.sendRedirect(request.getContextPath() + "/portal/password.html");
                    } else {
                        refuse(response);
                    }
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("parkflow-initial-password");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/camunda/app/*");
        registration.setOrder(103); // after engine REST's authentication (102)
        return registration;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":403,\"title\":\"须修改初始密码\",\"detail\":\"" + DETAIL
                + "\",\"passwordChangeRequired\":true}");
    }
}
