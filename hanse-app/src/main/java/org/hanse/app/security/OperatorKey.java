package org.hanse.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The platform operator's key: from configuration, or generated once per start and printed to the log. */
@Component
class OperatorKey {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorKey.class);

    private final String key;

    OperatorKey(SecurityProperties properties) {
        if (properties.operatorKey() == null || properties.operatorKey().isBlank()) {
            key = ApiKeys.generate();
            LOG.warn("No hanse.security.operator-key configured; generated operator key for this run: {}", key);
        } else {
            key = properties.operatorKey();
        }
    }

    boolean matches(String candidate) {
        return ApiKeys.constantTimeEquals(key, candidate);
    }
}
