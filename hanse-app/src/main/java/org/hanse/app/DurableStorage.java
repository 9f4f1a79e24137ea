package org.hanse.app;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every answered write is on disk: whatever URL the operator gives, the pool is set up so that a commit returns only
 * after the database has written it. H2 (MVStore) otherwise keeps commits in memory for up to WRITE_DELAY = 500 ms, and
 * a killed server loses them; {@code WRITE_DELAY=0} makes each committing transaction store its chunk before the commit
 * returns (H2 2.4 {@code TransactionStore.endTransaction} → {@code MVStore.commit()}). PostgreSQL sessions whose server
 * default is {@code synchronous_commit = off/local} (some test servers) are raised to {@code on}; stronger settings
 * (remote_apply) are left alone.
 */
@Configuration(proxyBeanMethods = false)
class DurableStorage {

    private static final Logger LOG = LoggerFactory.getLogger(DurableStorage.class);

    /** Raises a session's synchronous_commit to on when the server default would acknowledge before the WAL is flushed. */
    static final String POSTGRES_SYNCHRONOUS_COMMIT = "SELECT set_config('synchronous_commit', 'on', false)"
            + " WHERE current_setting('synchronous_commit') IN ('off', 'local')";

    @Bean
    static BeanPostProcessor durableDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
                    pool.setJdbcUrl(h2Url(pool.getJdbcUrl()));
                    // An operator's own init SQL wins; storageCheck still reports the setting at start.
                    if (pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
                        pool.setConnectionInitSql(POSTGRES_SYNCHRONOUS_COMMIT);
                    }
                }
                return bean;
            }
        };
    }

    /** Logs what a commit waits for, and warns when the database would acknowledge a commit it may still lose. */
    @Bean
    ApplicationRunner storageCheck(JdbcClient jdbc, DataSource dataSource) {
        return args -> {
            String url = dataSource instanceof HikariDataSource pool ? pool.getJdbcUrl() : "";
            if (url.startsWith("jdbc:postgresql:")) {
                String sync = jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
                String fsync = jdbc.sql("SELECT current_setting('fsync')").query(String.class).single();
                boolean durable = !List.of("off", "local").contains(sync) && "on".equals(fsync);
                log(durable, "PostgreSQL: synchronous_commit=" + sync + ", fsync=" + fsync);
            } else if (embeddedH2File(url)) {
                String delay = jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                        .query(String.class).optional().orElse("?");
                log("0".equals(delay), "H2 file database: WRITE_DELAY=" + delay);
            }
        };
    }

    private static void log(boolean durable, String settings) {
        if (durable) {
            LOG.info("storage: {} (a commit is written before it is answered)", settings);
        } else {
            LOG.warn("storage: {}: answered writes can be lost when the server or database stops abruptly", settings);
        }
    }

    /**
     * An embedded H2 file URL with {@code WRITE_DELAY=0} appended unless it names a WRITE_DELAY itself; in-memory,
     * server (tcp/ssl) and other URLs unchanged.
     */
    static String h2Url(String url) {
        if (!embeddedH2File(url)) {
            return url;
        }
        String[] parts = url.toLowerCase(Locale.ROOT).split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].trim().startsWith("write_delay=")) {
                return url;
            }
        }
        return url + (url.endsWith(";") ? "" : ";") + "WRITE_DELAY=0";
    }

    /** A URL of an H2 database in a file opened by this process (not in memory, not behind an H2 server). */
    static boolean embeddedH2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }
}
