package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Exits and substitution on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-continuity;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ContinuityApiH2Test extends ContinuityApiContract {
}
