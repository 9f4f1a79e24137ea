package org.hanse.app;

import org.springframework.test.context.TestPropertySource;

/** Invoices on the embedded default database. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:hanse-invoices;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class InvoiceApiH2Test extends InvoiceApiContract {
}
