package io.qualtrack.report.pages;

import io.qualtrack.security.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The signed-in {@link Viewer} for the masthead, as {@code ${@viewers.current()}}: every page has a masthead,
 * including the error pages no controller of ours puts a model together for.
 */
@Component("viewers")
public class Viewers {

    public @Nullable Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        return Viewer.of(name(user), Callers.of(authentication));
    }

    private static String name(OidcUser user) {
        for (String name : new String[]{user.getFullName(), user.getPreferredUsername()}) {
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return user.getSubject();
    }
}
