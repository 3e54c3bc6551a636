package io.qualtrack.progress.publication;

import io.qualtrack.contract.progress.EnrolmentProgressChanged;

import java.util.List;

/** Sends progress snapshots to the read side and returns once all are acknowledged; throws otherwise. */
public interface ProgressSender {

    void send(List<EnrolmentProgressChanged> changes);
}
