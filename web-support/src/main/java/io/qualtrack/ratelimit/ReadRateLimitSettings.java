package io.qualtrack.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How many reads (GET, HEAD) each caller may send, and within them how many CSV exports, the expensive reads (a whole
 * cohort read, sorted and written out). Buckets as for {@link WriteRateLimitSettings writes}; a service turns it on in
 * its own configuration. An export counts as a read too; one refused as an export takes nothing from the reads.
 * <p>
 * The defaults: 300 reads in a burst, 300 a minute after that (5 a second). A report page polls its version every 5 s
 * per open tab, so a manager with ten tabs open polls 120 times a minute and still has 180 reads a minute for pages
 * and the API; a system paging through a cohort's learners 100 at a time reads 300 pages before it slows to 5 a second.
 * Exports: 20 in a burst, then 20 every 5 minutes (one every 15 s): a manager exports a few cohorts by hand, and a
 * centre's system exporting every cohort gets the first 20 at once; a script asking for 200 in two seconds (the probe,
 * F35) gets 20.
 *
 * @param enabled        whether this service limits its callers' reads at all
 * @param paths          which paths count as reads (Spring MVC path patterns)
 * @param capacity       the most reads a caller may send in a burst
 * @param refillRequests how many reads come back ...
 * @param refillPeriod   ... in this time
 * @param exports        the tighter limit on CSV exports
 */
@ConfigurationProperties("qualtrack.rate-limit.reads")
public record ReadRateLimitSettings(@DefaultValue("false") boolean enabled,
                                    @DefaultValue("/api/**") List<String> paths,
                                    @DefaultValue("300") long capacity,
                                    @DefaultValue("300") long refillRequests,
                                    @DefaultValue("1m") Duration refillPeriod,
                                    @DefaultValue Exports exports) {

    public ReadRateLimitSettings {
        new RequestAllowance(capacity, refillRequests, refillPeriod); // refuses settings that cannot work, at start-up
        paths = List.copyOf(paths);
    }

    public RequestAllowance allowance() {
        return new RequestAllowance(capacity, refillRequests, refillPeriod);
    }

    /**
     * @param paths          which paths are CSV exports (Spring MVC path patterns; the default is every {@code .csv})
     * @param capacity       the most exports a caller may ask for in a burst
     * @param refillRequests how many exports come back ...
     * @param refillPeriod   ... in this time
     */
    public record Exports(@DefaultValue("/**/*.csv") List<String> paths,
                          @DefaultValue("20") long capacity,
                          @DefaultValue("20") long refillRequests,
                          @DefaultValue("5m") Duration refillPeriod) {

        public Exports {
            new RequestAllowance(capacity, refillRequests, refillPeriod);
            paths = List.copyOf(paths);
        }

        public RequestAllowance allowance() {
            return new RequestAllowance(capacity, refillRequests, refillPeriod);
        }
    }
}
