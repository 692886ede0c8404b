package cn.parkflow.workflow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser sessions: the portal's login and Camunda's webapp login are one and the same session
 * (Camunda's {@link Authentications} in the HTTP session), so a reviewer who opened Tasklist opens
 * the documents its forms link to without logging in again, and an operator logged in to the portal
 * is logged in to Tasklist. Calls that change something need the session's CSRF token in
 * {@value #CSRF_HEADER}; the portal receives it at login. HTTP Basic callers are unaffected.
 *
 * <p>A session remembers the account's credentials stamp it was opened with ({@link Directory#credentialsStamp});
 * after a password change every other session of the account ends at its next request, the portal's and the
 * webapps' alike, and the session that changed it continues under a new id.
 */
@Component
public class BrowserSessions {

    public static final String CSRF_HEADER = "X-Parkflow-Csrf";
    static final String CSRF_ATTRIBUTE = "parkflow.csrf";
    static final String CREDENTIALS_ATTRIBUTE = "parkflow.credentials";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Camunda's webapp default: a session's user and groups are checked again after five minutes. */
    static final long CACHE_TIME_TO_LIVE_MILLIS = 5 * 60 * 1000;

    private final ProcessEngine engine;
    private final Directory directory;

    BrowserSessions(ProcessEngine engine, Directory directory) {
        this.engine = engine;
        this.directory = directory;
    }

    /** A logged-in browser: who it is and the token its changing calls carry. */
    public record Login(String userId, String name, List<String> groups, String csrfToken, boolean passwordChangeRequired) {}

    /** Logs the user in (the password checked already): a new session id, Camunda's authentication, a CSRF token. */
    public Login login(HttpServletRequest request, String userId) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session = request.getSession(false);
        UserAuthentication auth = AuthenticationUtil.createAuthentication(engine, userId);
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        auths.addOrReplace(auth);
        AuthenticationUtil.updateSession(session, auths);
        session.setAttribute(CREDENTIALS_ATTRIBUTE, directory.credentialsStamp(userId));
        return login(session, auth).orElseThrow();
    }

    /** After the session's user changed its password ({@code stamp} the new credentials stamp): the session continues under a new id. */
    public void passwordChanged(HttpServletRequest request, String stamp) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
            request.getSession(false).setAttribute(CREDENTIALS_ATTRIBUTE, stamp);
        }
    }

    /**
     * Ends the request's session if it is logged in with credentials that have changed since; true when it did.
     * A session opened by a webapp's login has no stamp yet and takes the account's current one.
     */
    public boolean endIfStale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Authentication auth = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
        return auth instanceof UserAuthentication user && user.getIdentityId() != null && endIfStale(session, user.getIdentityId());
    }

    private boolean endIfStale(HttpSession session, String userId) {
        String stamp = directory.credentialsStamp(userId);
        Object seen = session.getAttribute(CREDENTIALS_ATTRIBUTE);
        if (seen == null) {
            session.setAttribute(CREDENTIALS_ATTRIBUTE, stamp);
            return false;
        }
        if (seen.equals(stamp)) {
            return false;
        }
        session.invalidate();
        return true;
    }

    /** The session's login, if it has one. */
    public Optional<Login> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : authentication(session).flatMap(auth -> login(session, auth));
    }

    private Optional<Login> login(HttpSession session, UserAuthentication auth) {
        var user = engine.getIdentityService().createUserQuery().userId(auth.getIdentityId()).singleResult();
        String name = user == null ? auth.getIdentityId()
                : ((user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return Optional.of(new Login(auth.getIdentityId(), name.isEmpty() ? auth.getIdentityId() : name,
                List.copyOf(auth.getGroupIds()), csrfToken(session),
                engine.getIdentityService().getUserInfo(auth.getIdentityId(), Directory.INFO_PASSWORD_CHANGE_REQUIRED) != null));
    }

    /** The session's CSRF token, made on first use (a session opened by Tasklist's login has none yet). */
    private static synchronized String csrfToken(HttpSession session) {
        String token = (String) session.getAttribute(CSRF_ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(CSRF_ATTRIBUTE, token);
        }
        return token;
    }

    public void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private Optional<UserAuthentication> authentication(HttpSession session) {
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        // as Camunda's webapps do: after the cache time the user and its groups are read again, so a
        // deleted user or a removed group membership does not live on in an open session
        AuthenticationUtil.updateCache(auths, session, CACHE_TIME_TO_LIVE_MILLIS);
        Authentication auth = auths.getAuthenticationForProcessEngine(engine.getName());
        return auth instanceof UserAuthentication user && user.getIdentityId() != null && !endIfStale(session, user.getIdentityId())
                ? Optional.of(user) : Optional.empty();
    }

    /** The filter of the {@code /api} chain: a request without credentials of its own is the session's user. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
                    // a browser sends saved Basic credentials and cookies with another site's form: refused whatever the credentials
                    refuse(response, "跨站请求被拒绝");
                    return;
                }
                HttpSession session = request.getSession(false);
                if (session != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        && SecurityContextHolder.getContext().getAuthentication() == null) {
                    Optional<UserAuthentication> user = authentication(session);
                    if (user.isPresent() && !SAFE.contains(request.getMethod()) && !csrfMatches(session, request)
                            && !request.getRequestURI().equals(request.getContextPath() + "/api/session")) {
                        // a logged-in browser's change without its token: possibly another site's form
                        refuse(response, "请求缺少有效的 " + CSRF_HEADER + " 令牌，请刷新页面后重试");
                        return;
                    }
                    if (user.isPresent()) {
                        var authorities = user.get().getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                        var token = UsernamePasswordAuthenticationToken.authenticated(user.get().getIdentityId(), null, authorities);
                        SecurityContextHolder.getContext().setAuthentication(token);
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":403,\"title\":\"无权操作\",\"detail\":\"" + detail + "\"}");
    }

    /** A browser's request made by another site's page (Fetch Metadata, else Origin); other clients send neither. */
    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("cross-site");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        String own = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return !origin.equalsIgnoreCase(own);
    }

    private static boolean csrfMatches(HttpSession session, HttpServletRequest request) {
        Object expected = session.getAttribute(CSRF_ATTRIBUTE);
        String given = request.getHeader(CSRF_HEADER);
        return expected != null && given != null
                && MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
