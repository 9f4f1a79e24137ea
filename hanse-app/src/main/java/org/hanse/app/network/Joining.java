package org.hanse.app.network;

import java.util.ArrayList;
import java.util.List;
import org.hanse.app.security.People;
import org.hanse.app.security.SignedInPerson;
import org.hanse.app.web.ConflictException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A node joins from the web page: its config file and its first person (the node admin) are validated together and
 * stored in one transaction, so a problem anywhere stores nothing. Config problems carry the line they are on.
 */
@Service
class Joining {

    private final NodeRegistry registry;
    private final People people;
    private final org.hanse.app.dictionary.MaterialDictionary dictionary;

    Joining(NodeRegistry registry, People people, org.hanse.app.dictionary.MaterialDictionary dictionary) {
        this.registry = registry;
        this.people = people;
        this.dictionary = dictionary;
    }

    /** A problem with its line in the config (0 for a field of the join form itself). */
    record LineProblem(int line, String path, String message) {
    }

    /** Every problem of the attempt; the node and person are stored only when there are none. */
    static final class Rejected extends RuntimeException {
        private final transient List<LineProblem> problems;

        Rejected(List<LineProblem> problems) {
            super(problems.size() + " problems");
            this.problems = problems;
        }

        List<LineProblem> problems() {
            return problems;
        }
    }

    record Joined(NodeRegistry.Registration registration, SignedInPerson admin) {
    }

    /**
     * Parses and validates a config text, adding each problem with its line; returns the tree when it parses (it may
     * still have problems).
     */
    Object checkConfig(String configText, List<LineProblem> problems) {
        Object tree = null;
        try {
            tree = ConfigFiles.parse(configText, false);
        } catch (InvalidInputException syntax) {
            int line = syntax instanceof ConfigFiles.SyntaxError error ? error.line() : 0;
            for (Problem p : syntax.problems()) {
                problems.add(new LineProblem(line, p.path().isEmpty() ? "config" : p.path(), p.message()));
            }
        }
        if (tree != null) {
            ConfigLines lines = ConfigLines.of(configText);
            try {
                org.hanse.core.node.NodeConfigReader.read(tree, dictionary).orElseThrow();
            } catch (InvalidInputException invalid) {
                for (Problem p : invalid.problems()) {
                    problems.add(new LineProblem(lines.lineOf(p.path()), p.path(), p.message()));
                }
            }
        }
        return tree;
    }

    /** A new version of a node's config from the web page: every problem with its line, or the registry's update. */
    @Transactional
    NodeRegistry.Update update(String node, String configText, org.hanse.app.security.Principal principal) {
        List<LineProblem> problems = new ArrayList<>();
        Object tree = checkConfig(configText, problems);
        if (problems.isEmpty()) {
            try {
                return registry.update(node, tree, principal);
            } catch (InvalidInputException invalid) {
                ConfigLines lines = ConfigLines.of(configText);
                invalid.problems().forEach(p -> problems.add(new LineProblem(lines.lineOf(p.path()), p.path(), p.message())));
            }
        }
        throw new Rejected(problems);
    }

    @Transactional
    Joined join(String configText, String email, String name, String password) {
        List<LineProblem> problems = new ArrayList<>();
        for (Problem p : people.checkNewAdmin(email, name, password)) {
            problems.add(new LineProblem(0, p.path(), p.message()));
        }
        Object tree = checkConfig(configText, problems);
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        NodeRegistry.Registration registration = registry.register(tree);
        if (registration.replay()) {
            throw new ConflictException("node " + registration.id() + " is already registered; its people sign in instead");
        }
        SignedInPerson admin = people.createNodeAdmin(registration.id(), email, name, password);
        return new Joined(registration, admin);
    }
}
