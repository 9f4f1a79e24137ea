package org.hanse.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.hanse.app.web.TooManyRequestsException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rate limits of {@code /api/**} per caller, checked after the key is known and before the controller reads the
 * body: a node's key and the operator key each have a bucket ({@code keyed}), keyless self-registration one per
 * client address ({@code anonymous}). An empty bucket answers 429 problem+json with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class ApiRateLimit implements WebMvcConfigurer, HandlerInterceptor {

    private final ApiRateLimits limits;
    private final TokenBuckets buckets;

    ApiRateLimit(ApiRateLimits limits, Clock clock) {
        this.limits = limits;
        this.buckets = new TokenBuckets(clock, limits.maxTracked());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object attribute = request.getAttribute(ApiKeyFilter.ATTRIBUTE);
        Principal principal = attribute instanceof Principal p ? p : Principal.ANONYMOUS;
        String key = switch (principal.kind()) {
            case NODE -> "node:" + principal.nodeId();
            case OPERATOR -> "operator";
            case ANONYMOUS -> "address:" + request.getRemoteAddr();
            case LENDER, CERTIFIER -> "institution:" + principal.institutionId();
        };
        ApiRateLimits.Bucket bucket = principal.kind() == Principal.Kind.ANONYMOUS ? limits.anonymous() : limits.keyed();
        Duration wait = buckets.take(key, bucket);
        if (!wait.isZero()) {
            throw new TooManyRequestsException("Too many API calls by " + principal.auditName() + "; at most " + bucket.burst()
                    + " at once and " + bucket.perSecond() + " a second", wait);
        }
        return true;
    }
}
