package io.qualtrack.contract.activity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an activity record may be, for the API that accepts it and the consumer that applies it alike: its size
 * on the topic, and when two records with one {@code eventId} are the same event.
 */
public final class ActivityRecords {

    /** The largest activity record, as JSON on the topic, that is applied; a larger one is dead-lettered. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    private ActivityRecords() {
    }

    /**
     * The fields in which two events with one id differ; empty when they are the same event. {@code occurredAt} is
     * not content: the API fills it in with the time of receipt where the sender left it out, so a retry of such
     * an event is still the same event.
     */
    public static List<String> differences(LearnerActivityEvent first, LearnerActivityEvent second) {
        if (first.getClass() != second.getClass()) {
            return List.of("type");
        }
        List<String> differ = new ArrayList<>();
        for (RecordComponent component : first.getClass().getRecordComponents()) {
            if (!component.getName().equals("occurredAt")
                    && !Objects.equals(value(component, first), value(component, second))) {
                differ.add(component.getName());
            }
        }
        return differ;
    }

    private static Object value(RecordComponent component, LearnerActivityEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + event.getClass().getSimpleName(), e);
        }
    }
}
