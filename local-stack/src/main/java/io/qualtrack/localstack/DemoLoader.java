package io.qualtrack.localstack;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Loads a demo through the services' public HTTP APIs only, with a token of its own (client credentials, see
 * {@link DemoLoaderSettings.Client}): reads the catalogue from content-service,
 * generates two centres, three cohorts and about 150 learners with months of activity
 * ({@link DemoGenerator}), posts it to progress-service, then waits until report-service counts
 * every learner.
 *
 * <pre>java -cp local-stack/target/local-stack-0.1.0-SNAPSHOT.jar io.qualtrack.localstack.DemoLoader \
 *     http://localhost:8081 http://localhost:8082 http://localhost:8083 42 [data/demo-expected.json]</pre>
 *
 * The same seed on the same day gives the same events with the same ids, so loading twice changes
 * nothing. Exit codes: 0 loaded and counted by report-service, 1 not loaded, 2 bad arguments,
 * 3 loaded but report-service did not count every learner in time.
 */
public final class DemoLoader {

    static final String LOADED_MARKER = "DEMO LOADED";

    private DemoLoader() {
    }

    public static void main(String[] args) throws Exception {
        DemoLoaderSettings settings;
        try {
            settings = DemoLoaderSettings.fromArgs(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.exit(load(settings));
        } catch (DemoLoadException e) {
            System.err.println("Demo NOT loaded: " + e.getMessage());
            System.exit(1);
        }
    }

    static int load(DemoLoaderSettings settings) throws InterruptedException, IOException {
        HttpJson anonymous = new HttpJson();
        ClientCredentials token = new ClientCredentials(anonymous, settings.client());
        HttpJson http = anonymous.authorizedBy(token::authorization);
        long started = System.nanoTime();

        System.out.println("Signing in to " + settings.client().issuerUrl() + " as client " + settings.client().id() + " …");
        token.authorization();

        System.out.println("Reading the catalogue from " + settings.contentUrl() + " …");
        CatalogueSnapshot catalogue = new ContentCatalogueReader(http, settings.contentUrl()).read(settings.contentWait());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Demo demo = new DemoGenerator(catalogue).generate(settings.seed(), today);
        System.out.printf("Generated demo (seed %d, up to %s): %d centres, %d cohorts, %d learners, %d activities%n",
                settings.seed(), today.minusDays(1), demo.learnersPerCentre().size(), demo.cohorts().size(),
                demo.learners().size(), demo.activities().size());
        if (settings.expectedFile() != null) {
            DemoExpectation.write(demo, settings.expectedFile(), http);
            System.out.println("Expected counts written to " + settings.expectedFile());
        }

        int requests = new ActivitySender(http, settings.progressUrl()).send(demo.activities());
        System.out.printf("Posted %d activities to %s/api/activities in %d requests: all accepted (202)%n",
                demo.activities().size(), settings.progressUrl(), requests);

        ReportServiceWait report = new ReportServiceWait(http, settings.reportUrl());
        System.out.println("Waiting for report-service (" + settings.reportUrl() + "/api/centres) to count "
                + demo.learners().size() + " learners …");
        boolean counted = report.awaitLearners(demo.learnersPerCentre().keySet(), demo.learners().size(),
                settings.reportWait());
        printSummary(demo, report);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        if (!counted) {
            System.err.printf("Demo posted, but report-service did not count %d learners within %d s (last seen: %s)%n",
                    demo.learners().size(), settings.reportWait().toSeconds(), report.lastSeen());
            return 3;
        }
        System.out.printf("%s: %d learners, %d activities, counted by report-service, in %d s%n",
                LOADED_MARKER, demo.learners().size(), demo.activities().size(), seconds);
        return 0;
    }

    private static void printSummary(Demo demo, ReportServiceWait report) throws InterruptedException {
        System.out.println();
        System.out.printf("%-8s %-16s %8s   %-40s%n", "centre", "cohort", "learners", "report-service: learners, RAG");
        for (DemoCohort cohort : demo.cohorts()) {
            Optional<JsonNode> summary = report.cohort(cohort.centreId(), cohort.cohortId());
            String reported = summary.map(DemoLoader::describeCohort).orElse("(not available)");
            System.out.printf("%-8s %-16s %8d   %-40s%n", cohort.centreId(), cohort.cohortId(), demo.learnersIn(cohort), reported);
        }
        System.out.println("behaviours generated per cohort:");
        for (DemoCohort cohort : demo.cohorts()) {
            System.out.printf("  %-16s %s%n", cohort.cohortId(), demo.learnersPerBehaviour(cohort));
        }
        System.out.println();
    }

    private static String describeCohort(JsonNode summary) {
        StringBuilder text = new StringBuilder().append(summary.path("learners").asInt()).append(":");
        summary.path("byRag").properties().forEach(rag -> text.append(' ').append(rag.getKey()).append(' ')
                .append(rag.getValue().asInt()));
        return text.toString();
    }
}
