package org.hanse.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a person who was removed, or whose node or role changed, since signing in: checked on every page
 * request (one primary-key read), before anything is authorised.
 */
class StillSignedIn extends OncePerRequestFilter {

    private final People people;

    StillSignedIn(People people) {
        this.people = people;
    }

    /** Stylesheets, scripts and webjars reveal nothing: no account read for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person && !people.stillValid(person)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            String login = request.getContextPath() + "/login?ended";
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", login);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
