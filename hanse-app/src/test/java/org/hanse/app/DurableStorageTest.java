package org.hanse.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which database URLs get H2's immediate commit. */
class DurableStorageTest {

    @Test
    void anEmbeddedH2FileUrlGetsWriteDelayZeroUnlessItNamesOne() {
        assertThat(DurableStorage.h2Url("jdbc:h2:file:./data/hanse;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/hanse;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(DurableStorage.h2Url("jdbc:h2:/srv/hanse")).isEqualTo("jdbc:h2:/srv/hanse;WRITE_DELAY=0");
        assertThat(DurableStorage.h2Url("jdbc:h2:./x;")).isEqualTo("jdbc:h2:./x;WRITE_DELAY=0");
        assertThat(DurableStorage.h2Url("jdbc:h2:file:./x;write_delay=500")).isEqualTo("jdbc:h2:file:./x;write_delay=500");
        assertThat(DurableStorage.h2Url("jdbc:h2:file:./x;WRITE_DELAY=0")).isEqualTo("jdbc:h2:file:./x;WRITE_DELAY=0");
    }

    @Test
    void otherUrlsStayAsTheyAre() {
        assertThat(DurableStorage.h2Url("jdbc:h2:mem:hanse;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:hanse;DB_CLOSE_DELAY=-1");
        assertThat(DurableStorage.h2Url("jdbc:h2:tcp://db/hanse")).isEqualTo("jdbc:h2:tcp://db/hanse");
        assertThat(DurableStorage.h2Url("jdbc:postgresql://localhost/hanse")).isEqualTo("jdbc:postgresql://localhost/hanse");
        assertThat(DurableStorage.embeddedH2File("jdbc:h2:file:./data/hanse")).isTrue();
        assertThat(DurableStorage.embeddedH2File("jdbc:h2:mem:x")).isFalse();
    }
}
