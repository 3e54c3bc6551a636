package io.qualtrack.replica;

import io.qualtrack.contract.content.ContentEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/** Reads a batch of content-topic records; one that is not a content event is logged and skipped. */
public final class ContentRecords {

    private static final Logger log = LoggerFactory.getLogger(ContentRecords.class);

    private ContentRecords() {
    }

    public static List<ContentEvent> read(List<byte[]> records, JsonMapper json) {
        List<ContentEvent> events = new ArrayList<>(records.size());
        for (byte[] record : records) {
            try {
                events.add(json.readValue(record, ContentEvent.class));
            } catch (JacksonException e) {
                log.warn("Skipped a record on the content topic that is not a content event: {}", e.getOriginalMessage());
            }
        }
        return events;
    }
}
