package io.qualtrack.content.publication;

import io.qualtrack.contract.content.ContentEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends through the {@code content-out-0} binding, which is configured synchronous so a send
 * returns only once the broker acknowledged it (or throws).
 */
@Component
class KafkaContentEventSender implements ContentEventSender {

    static final String BINDING = "content-out-0";

    private final StreamBridge streamBridge;

    KafkaContentEventSender(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void send(ContentEvent event) {
        var message = MessageBuilder.withPayload(event).setHeader(KafkaHeaders.KEY, event.key()).build();
        if (!streamBridge.send(BINDING, message)) {
            throw new IllegalStateException("the binder did not accept " + event.key());
        }
    }
}
