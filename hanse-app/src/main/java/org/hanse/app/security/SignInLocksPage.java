package org.hanse.app.security;

import jakarta.servlet.http.HttpServletResponse;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform operator's page of sign-in locks, with an unlock button per lock and a form for any email or address. */
@Page
class SignInLocksPage {

    private final SignInLocks locks;

    SignInLocksPage(SignInLocks locks) {
        this.locks = locks;
    }

    @GetMapping("/ui/sign-in-locks")
    String page(Principal principal, Model model) {
        model.addAttribute("locks", locks.list(principal));
        return "sign-in-locks";
    }

    @PostMapping("/ui/sign-in-locks/unlock")
    String unlock(@RequestParam(required = false) String account, @RequestParam(required = false) String address, Principal principal,
                  Model model, HttpServletResponse response) {
        try {
            model.addAttribute("unlocked", locks.unlock(account, address, principal));
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.problems());
            model.addAttribute("account", account);
            model.addAttribute("address", address);
        }
        model.addAttribute("locks", locks.list(principal));
        return "sign-in-locks";
    }
}
