package io.qualtrack.report.messaging;

import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.replica.ContentReplica;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** The {@code content-in-0} binding: the units' guidance and common mistakes for learner dashboards. */
@Component("content")
class ContentConsumer implements Consumer<ContentEvent> {

    private final ContentReplica replica;

    ContentConsumer(ContentReplica replica) {
        this.replica = replica;
    }

    @Override
    public void accept(ContentEvent event) {
        switch (event) {
            case UnitVersionPublished published -> replica.store(published.unit());
            case QualificationPublished published -> replica.store(published.qualification());
        }
    }
}
