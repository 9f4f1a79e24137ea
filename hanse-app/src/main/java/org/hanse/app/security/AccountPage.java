package org.hanse.app.security;

import jakarta.servlet.http.HttpServletResponse;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in person's own account: who they are, and changing their password. */
@Page
class AccountPage {

    private final People people;

    AccountPage(People people) {
        this.people = people;
    }

    @GetMapping("/ui/account")
    String account() {
        return "account";
    }

    @PostMapping("/ui/account/password")
    String password(@RequestParam(required = false) String current, @RequestParam(required = false) String password, SignedInPerson me,
                    Model model, HttpServletResponse response) {
        try {
            people.changePassword(me.email(), current, password);
            model.addAttribute("changed", true);
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.problems());
        }
        return "account";
    }
}
