package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Component order approval on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-approval;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ComponentApprovalApiH2Test extends ComponentApprovalApiContract {
}
