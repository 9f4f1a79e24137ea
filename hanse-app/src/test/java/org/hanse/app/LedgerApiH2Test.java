package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** The ledger on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class LedgerApiH2Test extends LedgerApiContract {
}
