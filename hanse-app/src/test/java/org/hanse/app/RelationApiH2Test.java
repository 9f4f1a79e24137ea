package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Relationship analytics on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-relations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RelationApiH2Test extends RelationApiContract {
}
