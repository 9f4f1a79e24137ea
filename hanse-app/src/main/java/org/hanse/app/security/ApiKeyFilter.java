package org.hanse.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /api/v1} request from its {@code Authorization: Bearer} key. No key → 401,
 * except a self-registration {@code POST /api/v1/nodes} when that is enabled and the ledger's public reads.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Principal.class.getName();

    private final OperatorKey operatorKey;
    private final NodeKeyLookup nodeKeys;
    private final SecurityProperties properties;
    private final Institutions institutions;

    ApiKeyFilter(OperatorKey operatorKey, NodeKeyLookup nodeKeys, SecurityProperties properties, Institutions institutions) {
        this.operatorKey = operatorKey;
        this.nodeKeys = nodeKeys;
        this.properties = properties;
        this.institutions = institutions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            if ((properties.selfRegistration() && isRegistration(request)) || isPublicLedgerRead(request)) {
                request.setAttribute(ATTRIBUTE, Principal.ANONYMOUS);
                chain.doFilter(request, response);
                return;
            }
            unauthorized(response, "This call needs an 'Authorization: Bearer <key>' header");
            return;
        }
        Optional<Principal> principal = resolve(header);
        if (principal.isEmpty()) {
            unauthorized(response, "The API key is not valid");
            return;
        }
        request.setAttribute(ATTRIBUTE, principal.get());
        chain.doFilter(request, response);
    }

    /** The principal behind an Authorization header: the operator, a node, a lender or certifier, or empty for a missing or wrong key. */
    Optional<Principal> resolve(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = header.substring(7).trim();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (operatorKey.matches(key)) {
            return Optional.of(Principal.OPERATOR);
        }
        String hash = ApiKeys.hash(key);
        return nodeKeys.nodeIdForKeyHash(hash).map(Principal::node).or(() -> institutions.principalForKeyHash(hash));
    }

    private static boolean isRegistration(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && ("/api/v1/nodes".equals(path) || "/api/v1/nodes/".equals(path));
    }

    /** The ledger's checkpoint, key and proofs: hashes only, read by third-party verifiers without a key. */
    private static boolean isPublicLedgerRead(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && (path.equals("/api/v1/ledger/checkpoint") || path.equals("/api/v1/ledger/key")
                || path.startsWith("/api/v1/ledger/proofs/"));
    }

    private static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"hanse\"");
        response.setContentType("application/problem+json");
        byte[] body = ("{\"type\":\"https://hanse.example/problems/unauthenticated\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"" + detail.replace("\"", "'") + "\",\"errors\":[]}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
