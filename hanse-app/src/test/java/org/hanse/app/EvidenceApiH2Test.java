package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Evidence on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-evidence;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class EvidenceApiH2Test extends EvidenceApiContract {
}
