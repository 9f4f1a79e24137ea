package org.hanse.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigViewTest {

    private final ConfigView atTwo = new ConfigView(2, Map.of("node", Map.of("name", "Oak Co.", "id", "zj-oak")));

    @Test
    void patchFromTheViewsVersionApplies() {
        ConfigView.Result result = atTwo.offer(2, 3, Map.of("node", Map.of("name", "Oak Furniture Co.")));
        assertThat(result.outcome()).isEqualTo(ConfigView.Outcome.APPLIED);
        assertThat(result.view()).isEqualTo(new ConfigView(3, Map.of("node", Map.of("name", "Oak Furniture Co.", "id", "zj-oak"))));
    }

    @Test
    void viewBehindNeedsTheSnapshot() {
        ConfigView.Result result = atTwo.offer(3, 4, Map.of("modules", java.util.List.of()));
        assertThat(result.outcome()).isEqualTo(ConfigView.Outcome.SNAPSHOT_NEEDED);
        assertThat(result.view()).isSameAs(atTwo);
    }

    @Test
    void redeliveredOrOldChangeIsIgnored() {
        assertThat(atTwo.offer(1, 2, Map.of("node", Map.of("name", "x"))).outcome()).isEqualTo(ConfigView.Outcome.ALREADY_CURRENT);
        assertThat(atTwo.offer(1, 2, Map.of()).view()).isSameAs(atTwo);
    }
}
