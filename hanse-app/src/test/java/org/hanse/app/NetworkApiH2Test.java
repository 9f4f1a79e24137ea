package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** The network API on the embedded default database, H2 in PostgreSQL mode. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class NetworkApiH2Test extends NetworkApiContract {
}
