package io.qualtrack.localstack;

import io.qualtrack.contract.activity.LearnerActivityEvent;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** Posts activity to progress-service's {@code POST /api/activities}, in arrays of at most {@link #BATCH}. */
final class ActivitySender {

    static final int BATCH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS_WHILE_UNAVAILABLE = 5;

    private final HttpJson http;
    private final String progressUrl;

    ActivitySender(HttpJson http, String progressUrl) {
        this.http = http;
        this.progressUrl = progressUrl;
    }

    /** Sends every activity; answers how many requests it took. Fails on anything but 202 Accepted. */
    int send(List<LearnerActivityEvent> activities) throws InterruptedException {
        int requests = 0;
        for (int from = 0; from < activities.size(); from += BATCH) {
            List<Map<String, Object>> batch = activities.subList(from, Math.min(from + BATCH, activities.size()))
                    .stream().map(ActivitySender::asJson).toList();
            post(batch, from);
            requests++;
        }
        return requests;
    }

    /** The event as the contract writes it on the wire: its type in {@code type}, instants in ISO-8601. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asJson(LearnerActivityEvent event) {
        return JSON.convertValue(JSON.valueToTree(event), Map.class);
    }

    private void post(List<Map<String, Object>> batch, int from) throws InterruptedException {
        String url = progressUrl + "/api/activities";
        HttpJson.Answer answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS_WHILE_UNAVAILABLE; attempt++) {
            answer = http.post(url, batch);
            // 503: Kafka not reachable right now, nothing was accepted; retrying sends the same event ids
            if (answer.is(202) || !(answer.is(503) || answer.status() == 0)) {
                break;
            }
            Thread.sleep(2000L * attempt);
        }
        if (!answer.is(202)) {
            throw new DemoLoadException("POST " + url + " (activities " + from + "–" + (from + batch.size() - 1)
                    + ") was not accepted: expected HTTP 202, got " + answer.describe());
        }
    }
}
