package org.hanse.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings: the operator key (generated and printed at start-up when empty), whether SMEs may register
 * their node without a key, and the platform operator's sign-in (its password generated and printed when empty).
 */
@ConfigurationProperties("hanse.security")
public record SecurityProperties(String operatorKey, boolean selfRegistration, String operatorEmail, String operatorPassword) {

    public SecurityProperties {
        operatorEmail = operatorEmail == null || operatorEmail.isBlank() ? "operator@hanse.local" : operatorEmail.trim().toLowerCase();
    }
}
