package io.qualtrack.content.publication;

import io.qualtrack.contract.content.ContentEvent;

/** Sends one content event and returns only once the broker has it; throws otherwise. */
public interface ContentEventSender {

    void send(ContentEvent event);
}
