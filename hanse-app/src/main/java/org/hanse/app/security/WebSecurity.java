package org.hanse.app.security;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains. Machines: {@code /api/**} (and the API docs, actuator) stay stateless and are authenticated by
 * {@link ApiKeyFilter} alone, with no session and no CSRF token (there is no cookie to forge); health details and
 * Prometheus need the operator key. People: every other path signs in with email and password into a session, with
 * CSRF protection on every form and htmx request, a Content-Security-Policy without inline scripts; viewers may only read.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /** Scripts only from our own files (no inline script, no eval); inline styles stay allowed for the SVG charts. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt behind the {id} prefix, so the algorithm can be raised later without losing stored hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineChain(HttpSecurity http, ApiKeyFilter keys) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                        "/.well-known/hanse-ledger-key")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(PersonRole.PLATFORM_OPERATOR.name())
                        .anyRequest().permitAll())
                .addFilterBefore(new ActuatorCaller(keys), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> problem(response, 401, "This endpoint needs the operator key"))
                        .accessDeniedHandler((request, response, denied) -> problem(response, 403, "This endpoint is for the platform operator")))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleChain(HttpSecurity http, SecurityContextRepository contexts, PasswordSignIn signIn, People people) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/join", "/invitations/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/ui/network/**", "/ui/sign-in-locks/**", "/ui/sign-in-locks").hasRole(PersonRole.PLATFORM_OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .anyRequest().hasAnyRole(PersonRole.NODE_ADMIN.name(), PersonRole.NODE_OPERATOR.name(), PersonRole.PLATFORM_OPERATOR.name()))
                .securityContext(c -> c.securityContextRepository(contexts))
                // Only our provider: locks first, then the password (a dummy hash for unknown emails); no fallback that skips the locks.
                .authenticationManager(new ProviderManager(signIn))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/ui", true).permitAll()
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LockedException ? "/login?locked" : "/login?failed"))))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        // Invitation links carry their token in the path: never send it to another site.
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .addFilterBefore(new StillSignedIn(people), AuthorizationFilter.class);
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, int status, String detail) throws java.io.IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hanse\"");
        }
        response.setContentType("application/problem+json");
        byte[] body = ("{\"type\":\"https://hanse.example/problems/" + (status == 401 ? "unauthenticated" : "forbidden") + "\",\"title\":\""
                + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"errors\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
