package org.hanse.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the actuator know who is asking: the operator key becomes the platform operator's role (health details,
 * Prometheus), a node key a node's role (neither); no key stays anonymous. Built by {@link WebSecurity} for the machine
 * chain only, not a bean, so the servlet container does not run it on every request too.
 */
class ActuatorCaller extends OncePerRequestFilter {

    static final String NODE_ROLE = "NODE_KEY";

    private final ApiKeyFilter keys;

    ActuatorCaller(ApiKeyFilter keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        keys.resolve(request.getHeader("Authorization")).ifPresent(principal -> {
            String role = principal.isOperator() ? PersonRole.PLATFORM_OPERATOR.name() : NODE_ROLE;
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.auditName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + role))));
            SecurityContextHolder.setContext(context);
        });
        chain.doFilter(request, response);
    }
}
