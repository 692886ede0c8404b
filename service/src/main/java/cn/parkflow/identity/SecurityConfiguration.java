package cn.parkflow.identity;

import cn.parkflow.system.ProblemResponses;
import cn.parkflow.system.PublicAccess;
import cn.parkflow.workflow.BrowserSessions;
import cn.parkflow.workflow.InitialPasswordGate;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what. {@code /api} uses HTTP Basic against Camunda's identity service; the registry
 * and the publication list are public reads. {@code /camunda} (Cockpit, Tasklist, Admin) keeps its
 * own session login and CSRF protection, and {@code /engine-rest} authenticates with Camunda's own
 * HTTP Basic filter so that engine authorization checks apply to the caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The portal's Content-Security-Policy: scripts, styles and data from parkflow itself only. */
    static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";


    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, BrowserSessions sessions, InitialPasswordGate initialPasswords,
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers)
            throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(sessions.filter(), BasicAuthenticationFilter.class)
                // an account with a one-time initial password changes it before anything else
                .addFilterAfter(initialPasswords.apiFilter(), BasicAuthenticationFilter.class)
                // the operations marked @PublicAccess (registry, publications, objections, registration, login), nothing else
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicOperations(handlers)).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("parkflow")
                        .authenticationEntryPoint((request, response, e) -> {
                            // the portal's scripts log in through /api/session: no browser password dialog for them
                            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                                response.setHeader("WWW-Authenticate", "Basic realm=\"parkflow\"");
                            }
                            Object refusal = request.getAttribute(LoginThrottle.REFUSAL);
                            write(json, response, HttpStatus.UNAUTHORIZED, "需要登录",
                                    refusal != null ? refusal.toString() : "请使用用户名和密码登录");
                        }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(json, response, HttpStatus.FORBIDDEN, "无权操作", "当前用户无权执行此操作")))
                // no session of its own; a browser session (BrowserSessions) is read, and its id changes at login only:
                // a new id per request would log the browser out of Tasklist
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Everything else: Camunda's webapps and engine REST authenticate themselves (session login with
     * their own CSRF filter; HTTP Basic filter below); static pages and health are public.
     */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        // the portal's pages load only their own scripts (no inline script, no other origin)
                        .addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
                                new org.springframework.security.web.util.matcher.OrRequestMatcher(
                                        new org.springframework.security.web.util.matcher.AntPathRequestMatcher("/portal/**"),
                                        new org.springframework.security.web.util.matcher.AntPathRequestMatcher("/")),
                                new org.springframework.security.web.header.writers.StaticHeadersWriter("Content-Security-Policy", PORTAL_CSP))));
        return http.build();
    }

    /** A matcher per path and verb of each {@link PublicAccess} handler method. */
    static RequestMatcher[] publicOperations(RequestMappingHandlerMapping handlers) {
        List<RequestMatcher> matchers = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            if (!method.hasMethodAnnotation(PublicAccess.class)) {
                return;
            }
            Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (verbs.isEmpty()) {
                    matchers.add(new AntPathRequestMatcher(pattern));
                }
                verbs.forEach(verb -> matchers.add(new AntPathRequestMatcher(pattern, verb.name())));
            }
        });
        if (matchers.isEmpty()) {
            throw new IllegalStateException("no @PublicAccess operation found: the handler mappings are not ready");
        }
        return matchers.toArray(RequestMatcher[]::new);
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemResponses.write(json, response, status, title, detail);
    }
}
