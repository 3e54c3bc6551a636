package io.qualtrack.identity.throttle;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * An attempt to sign in: a client authenticating at the protocol endpoints, or a person at the sign-in form, from a
 * remote address (unknown when the request did not say).
 */
public record Attempt(Kind kind, String account, @Nullable String address) {

    public enum Kind { CLIENT, PERSON }

    /** Client ids are compared exactly, as the authorization server does. */
    public static Attempt client(String clientId, @Nullable String address) {
        return new Attempt(Kind.CLIENT, clientId, address);
    }

    /** Usernames as the sign-in compares them: trimmed and in any case ({@code Author} is {@code author}). */
    public static Attempt person(String username, @Nullable String address) {
        return new Attempt(Kind.PERSON, username.strip().toLowerCase(Locale.ROOT), address);
    }
}
