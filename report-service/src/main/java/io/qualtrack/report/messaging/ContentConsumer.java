package io.qualtrack.report.messaging;

import io.qualtrack.contract.content.ContentEvent;
import io.qualtrack.contract.content.QualificationPublished;
import io.qualtrack.contract.content.UnitVersionPublished;
import io.qualtrack.replica.ContentRecords;
import io.qualtrack.replica.ContentReplica;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.function.Consumer;

/** The {@code content-in-0} binding: the units' guidance and common mistakes for learner dashboards. */
@Component("content")
class ContentConsumer implements Consumer<List<byte[]>> {

    private final ContentReplica replica;
    private final JsonMapper json;

    ContentConsumer(ContentReplica replica, JsonMapper json) {
        this.replica = replica;
        this.json = json;
    }

    @Override
    public void accept(List<byte[]> records) {
        for (ContentEvent event : ContentRecords.read(records, json)) {
            switch (event) {
                case UnitVersionPublished published -> replica.store(published.unit());
                case QualificationPublished published -> replica.store(published.qualification());
            }
        }
    }
}
