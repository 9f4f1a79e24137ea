package org.hanse.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Two filter chains. Machines: {@code /api/**} (and the API docs, health) stay stateless and are authenticated by
 * {@link ApiKeyFilter} alone, with no session and no CSRF token (there is no cookie to forge). People: every other
 * path signs in with email and password into a session, with CSRF protection on every form and htmx request;
 * viewers may only read.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

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
    SecurityFilterChain machineChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                        "/.well-known/hanse-ledger-key")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleChain(HttpSecurity http, SecurityContextRepository contexts, SignInAttempts attempts, People people) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/join", "/invitations/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/ui/network/**").hasRole(PersonRole.PLATFORM_OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .anyRequest().hasAnyRole(PersonRole.NODE_ADMIN.name(), PersonRole.NODE_OPERATOR.name(), PersonRole.PLATFORM_OPERATOR.name()))
                .securityContext(c -> c.securityContextRepository(contexts))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/ui", true).permitAll()
                        .failureHandler((request, response, failure) -> {
                            if (failure instanceof org.springframework.security.authentication.LockedException) {
                                response.sendRedirect(request.getContextPath() + "/login?locked");
                                return;
                            }
                            attempts.failed(request.getParameter("username"));
                            response.sendRedirect(request.getContextPath() + "/login?failed");
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .addFilterBefore(new StillSignedIn(people), org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        return http.build();
    }
}
