package io.qualtrack.progress.deadletters;

import java.util.List;

/** Sends dead letters and returns once all are acknowledged; throws otherwise, so the batch is retried. */
public interface DeadLetterSender {

    void send(List<DeadLetter> deadLetters);
}
