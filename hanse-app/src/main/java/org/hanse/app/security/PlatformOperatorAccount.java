package org.hanse.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Makes sure the platform operator can sign in: creates the account at first start, printing a generated password once. */
@Component
class PlatformOperatorAccount implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformOperatorAccount.class);

    private final People people;
    private final SecurityProperties properties;

    PlatformOperatorAccount(People people, SecurityProperties properties) {
        this.people = people;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        people.ensurePlatformOperator(properties.operatorEmail(), properties.operatorPassword())
                .ifPresent(password -> LOG.warn("Created the platform operator's sign-in: {} with password {} (shown once; "
                        + "set hanse.security.operator-password to choose it)", properties.operatorEmail(), password));
    }
}
