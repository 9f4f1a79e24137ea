package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Signing in on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-signin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class SignInH2Test extends SignInContract {
}
