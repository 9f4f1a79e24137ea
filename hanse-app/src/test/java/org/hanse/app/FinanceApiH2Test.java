package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Supply-chain finance on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-finance;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class FinanceApiH2Test extends FinanceApiContract {
}
