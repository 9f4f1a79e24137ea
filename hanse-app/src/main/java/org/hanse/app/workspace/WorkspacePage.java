package org.hanse.app.workspace;

import org.hanse.app.network.NodeRegistry;
import org.hanse.app.security.Principal;
import org.hanse.app.security.SignedInPerson;
import org.hanse.app.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The node workspace: what an SME owner looks at every morning. Each panel is a fragment served by the module that
 * owns its data, loaded and refreshed by htmx, and checked with the same principal as the API.
 */
@Page
class WorkspacePage {

    private final NodeRegistry nodes;

    WorkspacePage(NodeRegistry nodes) {
        this.nodes = nodes;
    }

    /** Home: a node's people land in their workspace, the platform operator on the network, a lender's on its applicants. */
    @GetMapping({"/", "/ui"})
    String home(SignedInPerson me) {
        if (me.institutionId() != null) {
            // A lender's people land on their applicants; a certifier has no page of its own yet.
            return me.isLenderOfficer() ? "redirect:/ui/lenders/" + me.institutionId() : "redirect:/ui/account";
        }
        return me.isPlatformOperator() ? "redirect:/ui/network" : "redirect:/ui/nodes/" + me.nodeId();
    }

    @GetMapping("/ui/nodes/{id}")
    String workspace(@PathVariable String id, Principal principal, Model model) {
        // Neighbours may read a node's config over the API, but the workspace is the node's own (or the operator's).
        principal.requireSelfOrOperator(id);
        NodeRegistry.Snapshot node = nodes.read(id, principal);
        model.addAttribute("node", node);
        return "workspace";
    }
}
