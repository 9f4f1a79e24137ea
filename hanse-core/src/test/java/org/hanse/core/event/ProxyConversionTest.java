package org.hanse.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.hanse.core.node.InterfaceModule;
import org.junit.jupiter.api.Test;

class ProxyConversionTest {

    @Test
    void neighbourMayProxyAModuleTheNodeLacks() {
        assertThat(ProxyConversion.refusal(EventType.RESPONSE_TIMED_OUT, Set.of(InterfaceModule.ORDER_SYNC), true)).isEmpty();
        assertThat(ProxyConversion.refusal(EventType.ORDER_STATUS, Set.of(InterfaceModule.EXCEPTION_BROADCAST), true)).isEmpty();
    }

    @Test
    void nodeWithTheModuleSpeaksForItself() {
        assertThat(ProxyConversion.refusal(EventType.ORDER_STATUS, Set.of(InterfaceModule.ORDER_SYNC), true))
                .contains("the node has order-sync enabled and publishes ORDER_STATUS itself");
    }

    @Test
    void strangersAndModulelessTypesAreRefused() {
        assertThat(ProxyConversion.refusal(EventType.ORDER_STATUS, Set.of(), false))
                .contains("only an accepted neighbour may publish events about a node");
        assertThat(ProxyConversion.refusal(EventType.CONFIG_CHANGED, Set.of(), true))
                .contains("CONFIG_CHANGED belongs to no interface module and cannot be proxied");
    }
}
