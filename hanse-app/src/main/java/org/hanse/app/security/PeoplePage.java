package org.hanse.app.security;

import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A node's people and open invitations; its admins invite colleagues here and pass on the one-time link. */
@Page
class PeoplePage {

    private final People people;

    PeoplePage(People people) {
        this.people = people;
    }

    @GetMapping("/ui/nodes/{id}/people")
    String people(@PathVariable String id, Principal principal, Model model) {
        fill(id, principal, model);
        return "people";
    }

    @PostMapping("/ui/nodes/{id}/invitations")
    String invite(@PathVariable String id, @RequestParam(required = false) String email, @RequestParam(required = false) String role,
                  SignedInPerson me, Principal principal, Model model, jakarta.servlet.http.HttpServletResponse response) {
        try {
            model.addAttribute("invited", people.invite(id, email, role, me));
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.problems());
            model.addAttribute("email", email);
        }
        fill(id, principal, model);
        return "people :: panel";
    }

    @PostMapping("/ui/nodes/{id}/people/remove")
    String remove(@PathVariable String id, @RequestParam String email, SignedInPerson me, Principal principal, Model model) {
        people.remove(id, email, me);
        model.addAttribute("removed", email);
        fill(id, principal, model);
        return "people :: panel";
    }

    private void fill(String id, Principal principal, Model model) {
        model.addAttribute("nodeId", id);
        // Invitation links are passed on by mail or chat, so they carry the server's address.
        model.addAttribute("base", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        model.addAttribute("members", people.members(id, principal));
        model.addAttribute("invitations", people.pendingInvitations(id, principal));
        model.addAttribute("roles", java.util.List.of(PersonRole.NODE_OPERATOR, PersonRole.VIEWER, PersonRole.NODE_ADMIN));
    }
}
