package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Price lists on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-prices;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class PriceApiH2Test extends PriceApiContract {
}
