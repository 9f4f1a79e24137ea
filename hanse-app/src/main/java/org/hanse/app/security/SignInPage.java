package org.hanse.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hanse.app.web.NotFoundException;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security checks the form) and accepting an invitation by setting name and password. */
@Page
class SignInPage {

    private final People people;
    private final SessionSignIn signIn;

    SignInPage(People people, SessionSignIn signIn) {
        this.people = people;
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model) {
        People.Invitation invitation = people.openInvitation(token)
                .orElseThrow(() -> new NotFoundException("this invitation does not exist, was used already or has expired"));
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        return "invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String name, @RequestParam(required = false) String password,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            SignedInPerson person = people.accept(token, name, password);
            signIn.signIn(person, request, response);
            return "redirect:/ui";
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("invitation", people.openInvitation(token)
                    .orElseThrow(() -> new NotFoundException("this invitation does not exist, was used already or has expired")));
            model.addAttribute("token", token);
            model.addAttribute("name", name);
            model.addAttribute("errors", invalid.problems());
            return "invitation";
        }
    }
}
