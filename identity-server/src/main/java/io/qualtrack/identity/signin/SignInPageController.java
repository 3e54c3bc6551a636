package io.qualtrack.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;

/** {@code GET /login}: the sign-in form, after a failed sign-in ({@code ?error}) or a sign-out ({@code ?logout}) with a word about it. */
@Controller
class SignInPageController {

    @GetMapping(SignInPage.PATH)
    void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ?error and ?logout carry no value
        String message = request.getParameterMap().containsKey("error") ? "Wrong username or password."
                : request.getParameterMap().containsKey("logout") ? "You have been signed out." : null;
        SignInPage.write(request, response, message, null);
    }
}
