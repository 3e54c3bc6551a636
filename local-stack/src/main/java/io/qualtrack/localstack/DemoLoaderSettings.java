package io.qualtrack.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Where the services are, which demo to load, how long to wait for them, and who the loader signs in as. */
public record DemoLoaderSettings(String contentUrl, String progressUrl, String reportUrl, long seed, Path expectedFile,
                          Duration contentWait, Duration reportWait, Client client) {

    static final String USAGE = "usage: DemoLoader <content-url> <progress-url> <report-url> <seed> [expected-counts.json]\n"
            + "  e.g. DemoLoader http://localhost:8081 http://localhost:8082 http://localhost:8083 42 data/demo-expected.json\n"
            + "  environment: OIDC_ISSUER_URI (http://localhost:9000), DEMO_CLIENT_ID (demo-loader),"
            + " DEMO_CLIENT_SECRET (demo-loader-secret)";

    /**
     * The loader's own OAuth 2.0 client at the issuer the services trust (client credentials). The defaults are
     * ./run-local's identity server and its demo client, which submits for and reads both demo centres.
     */
    public record Client(String issuerUrl, String id, String secret) {

        public static Client from(Map<String, String> environment) {
            return new Client(trimSlash(environment.getOrDefault("OIDC_ISSUER_URI", "http://localhost:9000")),
                    environment.getOrDefault("DEMO_CLIENT_ID", "demo-loader"),
                    environment.getOrDefault("DEMO_CLIENT_SECRET", "demo-loader-secret"));
        }
    }

    static DemoLoaderSettings fromArgs(String[] args, Map<String, String> environment) {
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
                Duration.ofSeconds(60), Duration.ofSeconds(60), Client.from(environment));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
