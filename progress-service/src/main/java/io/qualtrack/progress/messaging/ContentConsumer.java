package io.qualtrack.progress.messaging;

import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.replica.ContentReplica;
import io.qualtrack.progress.tracking.ActivityAdmission;
import io.qualtrack.progress.tracking.ActivityProcessor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/** The {@code content-in-0} binding: keeps the content replica and applies activity that waited for it. */
@Component("content")
class ContentConsumer implements Consumer<ContentEvent> {

    private final ContentReplica replica;
    private final ActivityProcessor processor;

    ContentConsumer(ContentReplica replica, ActivityProcessor processor) {
        this.replica = replica;
        this.processor = processor;
    }

    @Override
    public void accept(ContentEvent event) {
        String waitingKey = switch (event) {
            case UnitVersionPublished published -> {
                replica.store(published.unit());
                yield ActivityAdmission.unitKey(published.unit().code());
            }
            case QualificationPublished published -> {
                replica.store(published.qualification());
                yield ActivityAdmission.qualificationKey(published.qualification().code());
            }
        };
        processor.redrive(List.of(waitingKey));
    }
}
