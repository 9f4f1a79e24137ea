package org.hanse.app.relations;

import java.util.List;
import org.hanse.app.continuity.DeclaredResources;
import org.hanse.core.relation.Complementarity;
import org.springframework.stereotype.Component;

/** The declared resources of {@link Complements}, loads derived as there, for the backup lists' complements. */
@Component
class ResourceDeclarations implements DeclaredResources {

    private final Complements complements;

    ResourceDeclarations(Complements complements) {
        this.complements = complements;
    }

    @Override
    public List<Declared> of(String node) {
        return complements.derived(node).stream()
                .map(d -> new Declared(d.id(), new Complementarity.Resource(d.className(), d.ranges(), d.capacity(), d.load()))).toList();
    }

    @Override
    public List<String> declaringNodes() {
        return complements.declaringNodes();
    }
}
