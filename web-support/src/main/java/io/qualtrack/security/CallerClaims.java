package io.qualtrack.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a {@link Caller} from a token's claims, the same for access tokens (resource servers) and ID tokens (page
 * sign-in), whichever issuer wrote them: {@code roles} and {@code centres} as lists (or one space-separated string),
 * {@code learner_id} as a string. Keycloak's realm roles ({@code realm_access.roles}) count as roles too.
 */
public final class CallerClaims {

    public static final String ROLES = "roles";
    public static final String CENTRES = "centres";
    public static final String LEARNER_ID = "learner_id";

    private CallerClaims() {
    }

    public static Caller from(String subject, Map<String, Object> claims) {
        Set<Role> roles = new LinkedHashSet<>();
        strings(claims.get(ROLES)).stream().map(Role::ofClaim).filter(Objects::nonNull).forEach(roles::add);
        if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            strings(realm.get(ROLES)).stream().map(Role::ofClaim).filter(Objects::nonNull).forEach(roles::add);
        }
        Object learner = claims.get(LEARNER_ID);
        String learnerId = learner == null || learner.toString().isBlank() ? null : learner.toString().strip();
        return new Caller(subject, roles, Set.copyOf(strings(claims.get(CENTRES))), learnerId);
    }

    private static Set<String> strings(Object value) {
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> collection) {
            collection.stream().filter(Objects::nonNull).map(Object::toString).map(String::strip)
                    .filter(s -> !s.isEmpty()).forEach(values::add);
        } else if (value instanceof String text) {
            for (String part : text.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    values.add(part);
                }
            }
        }
        return values;
    }
}
