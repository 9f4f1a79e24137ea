package org.hanse.app.security;

import org.hanse.app.web.Page;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person as {@code me} (null before sign-in), for the header and role-aware controls. */
@ControllerAdvice(annotations = Page.class)
class SignedInModel {

    @ModelAttribute("me")
    SignedInPerson me() {
        return PrincipalArgumentResolver.signedIn().orElse(null);
    }

    /** Whether the person may change anything: viewers only read, so their pages show no forms. */
    @ModelAttribute("mayAct")
    boolean mayAct() {
        return PrincipalArgumentResolver.signedIn().map(SignedInPerson::mayAct).orElse(false);
    }
}
