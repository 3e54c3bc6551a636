package io.qualtrack.system;

import org.jspecify.annotations.Nullable;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * One call the isolation suite makes as every {@link IsolationCaller}, and the status each must get. Unless a probe
 * says otherwise every signed-in caller is refused (403) and every caller without a valid token is challenged (401).
 */
record IsolationProbe(String api, ToIntFunction<RunningSystem> port, String method, String path, @Nullable String contentType,
                      @Nullable String body, String note, Map<IsolationCaller, Integer> expected) {

    IsolationProbe {
        expected = Map.copyOf(expected);
    }

    static IsolationProbe content(String method, String path) {
        return of("content", system -> system.contentPort, method, path);
    }

    static IsolationProbe progress(String method, String path) {
        return of("progress", system -> system.progressPort, method, path);
    }

    static IsolationProbe report(String method, String path) {
        return of("report", system -> system.reportPort, method, path);
    }

    /**
     * A page of report-service: people signed in get what their roles and centres allow (here: 404, unless the probe
     * says otherwise); anyone else, a bearer token included, is refused (401): the pages take no bearer tokens. (A
     * browser without a session, asking for HTML, is sent to sign in instead; report-service's PagesTest checks that.)
     */
    static IsolationProbe page(String path) {
        Map<IsolationCaller, Integer> expected = new EnumMap<>(IsolationCaller.class);
        for (IsolationCaller caller : IsolationCaller.values()) {
            expected.put(caller, caller.person() != null ? 404 : 401);
        }
        return new IsolationProbe("page", system -> system.reportPort, "GET", path, null, null, "", expected);
    }

    boolean isPage() {
        return api.equals("page");
    }

    private static IsolationProbe of(String api, ToIntFunction<RunningSystem> port, String method, String path) {
        Map<IsolationCaller, Integer> expected = new EnumMap<>(IsolationCaller.class);
        for (IsolationCaller caller : IsolationCaller.values()) {
            expected.put(caller, caller.signedIn() ? 403 : 401);
        }
        return new IsolationProbe(api, port, method, path, null, null, "", expected);
    }

    /** With a body; {@code note} tells it apart in the matrix. */
    IsolationProbe sending(String type, String content, String note) {
        return new IsolationProbe(api, port, method, path, type, content, note, expected);
    }

    /** Every caller with a valid token, whatever its roles, gets {@code status}. */
    IsolationProbe signedIn(int status) {
        Map<IsolationCaller, Integer> changed = new EnumMap<>(expected);
        changed.replaceAll((caller, was) -> caller.signedIn() ? status : was);
        return new IsolationProbe(api, port, method, path, contentType, body, note, changed);
    }

    IsolationProbe as(int status, IsolationCaller... callers) {
        Map<IsolationCaller, Integer> changed = new EnumMap<>(expected);
        for (IsolationCaller caller : callers) {
            changed.put(caller, status);
        }
        return new IsolationProbe(api, port, method, path, contentType, body, note, changed);
    }

    String label() {
        return api + " " + method + " " + path + (note.isEmpty() ? "" : " " + note);
    }

    /** Whether {@code text} is part of the request itself (an answer may repeat what was asked). */
    boolean asks(String text) {
        return path.contains(text) || body != null && body.contains(text);
    }
}
