package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Exception priority ordering capacity on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-priority;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class CapacityPriorityApiH2Test extends CapacityPriorityApiContract {
}
