package org.hanse.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings: the operator key (generated and printed at start-up when empty) and whether SMEs may
 * register their node without a key.
 */
@ConfigurationProperties("hanse.security")
public record SecurityProperties(String operatorKey, boolean selfRegistration) {
}
