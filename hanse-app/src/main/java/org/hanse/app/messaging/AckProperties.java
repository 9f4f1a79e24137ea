package org.hanse.app.messaging;

import java.time.Duration;
import java.util.List;
import org.hanse.core.event.EventType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Acknowledgement settings ({@code hanse.messaging.acks}, defaults in application.yml): which request types expect an
 * answer, how often the re-delivery job looks, the back-off factor of re-deliveries and how many it handles per look.
 */
@ConfigurationProperties("hanse.messaging.acks")
public record AckProperties(List<EventType> types, Duration check, double backoff, int batch) {

    public AckProperties {
        types = types == null ? List.of(EventType.ORDER_PLACED) : List.copyOf(types);
        check = check == null || check.isZero() || check.isNegative() ? Duration.ofMinutes(1) : check;
        // Outside [1, 16] the back-off would bunch re-deliveries at the start or the end of the silence limit.
        backoff = backoff >= 1 && backoff <= 16 ? backoff : 2;
        batch = batch < 1 || batch > 10_000 ? 500 : batch;
    }
}
