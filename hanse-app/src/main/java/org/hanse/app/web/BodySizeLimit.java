package org.hanse.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies above the limit (default 1 MiB) before anything reads them: 400 problem+json. */
@Component
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimit(@Value("${hanse.api.max-body-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            byte[] body = ("{\"type\":\"" + ApiProblems.TYPE_BASE + "body-too-large\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"The request body is larger than " + maxBytes + " bytes\",\"errors\":[{\"path\":\"\",\"message\":"
                    + "\"body larger than " + maxBytes + " bytes\"}]}").getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
