package io.qualtrack.localstack;

import java.nio.file.Path;
import java.time.Duration;

/** Where the services are, which demo to load, and how long to wait for them. */
record DemoLoaderSettings(String contentUrl, String progressUrl, String reportUrl, long seed, Path expectedFile,
                          Duration contentWait, Duration reportWait) {

    static final String USAGE = "usage: DemoLoader <content-url> <progress-url> <report-url> <seed> [expected-counts.json]\n"
            + "  e.g. DemoLoader http://localhost:8081 http://localhost:8082 http://localhost:8083 42 data/demo-expected.json";

    static DemoLoaderSettings fromArgs(String[] args) {
        if (args.length < 4 || args.length > 5) {
            throw new IllegalArgumentException(USAGE);
        }
        long seed;
        try {
            seed = Long.parseLong(args[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the seed must be a whole number, not '" + args[3] + "'\n" + USAGE);
        }
        Path expected = args.length == 5 ? Path.of(args[4]) : null;
        return new DemoLoaderSettings(trimSlash(args[0]), trimSlash(args[1]), trimSlash(args[2]), seed, expected,
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
