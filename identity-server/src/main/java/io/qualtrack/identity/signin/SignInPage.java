package io.qualtrack.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;

import java.io.IOException;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The sign-in form people see (Spring Security's own page cannot say why a sign-in was refused): username, password,
 * the CSRF token, and a message above them when there is something to say.
 */
public final class SignInPage {

    public static final String PATH = "/login";
    public static final String USERNAME = "username";
    public static final String STYLESHEET = "/sign-in.css";

    private SignInPage() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, @Nullable String message,
                             @Nullable String username) throws IOException {
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter().write(html(request, message, username));
    }

    static String html(HttpServletRequest request, @Nullable String message, @Nullable String username) {
        String context = request.getContextPath();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Please sign in</title>
                  <link rel="stylesheet" href="%s">
                </head>
                <body>
                <main>
                  <h1>Please sign in</h1>
                %s  <form method="post" action="%s">
                    <label for="username">Username</label>
                    <input type="text" id="username" name="%s" value="%s" autocomplete="username" required autofocus>
                    <label for="password">Password</label>
                    <input type="password" id="password" name="password" autocomplete="current-password" required>
                %s    <button type="submit">Sign in</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(context + STYLESHEET,
                message == null ? "" : "  <p class=\"alert\" role=\"alert\">" + htmlEscape(message) + "</p>\n",
                context + PATH, USERNAME, username == null ? "" : htmlEscape(username),
                csrf == null ? "" : "    <input type=\"hidden\" name=\"%s\" value=\"%s\">\n"
                        .formatted(htmlEscape(csrf.getParameterName()), htmlEscape(csrf.getToken())));
    }
}
