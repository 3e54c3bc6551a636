package io.qualtrack.progress.catalogue;

import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.progress.tracking.ActivityAdmission;
import io.qualtrack.progress.tracking.ActivityProcessor;
import io.qualtrack.replica.ContentRecords;
import io.qualtrack.replica.ContentReplica;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The {@code content-in-0} binding: keeps the content replica and applies activity that waited for it. */
@Component("content")
class ContentConsumer implements Consumer<List<byte[]>> {

    private final ContentReplica replica;
    private final ActivityProcessor processor;
    private final JsonMapper json;

    ContentConsumer(ContentReplica replica, ActivityProcessor processor, JsonMapper json) {
        this.replica = replica;
        this.processor = processor;
        this.json = json;
    }

    @Override
    public void accept(List<byte[]> records) {
        Set<String> waitingKeys = new LinkedHashSet<>();
        for (ContentEvent event : ContentRecords.read(records, json)) {
            waitingKeys.add(switch (event) {
                case UnitVersionPublished published -> {
                    replica.store(published.unit());
                    yield ActivityAdmission.unitKey(published.unit().code());
                }
                case QualificationPublished published -> {
                    replica.store(published.qualification());
                    yield ActivityAdmission.qualificationKey(published.qualification().code());
                }
            });
        }
        processor.redrive(waitingKeys);
    }
}
