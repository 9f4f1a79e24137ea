package org.hanse.core.order;

import java.util.List;
import java.util.Optional;

/**
 * A node's declared production: resources, what it makes on them, its WIP limit, calendar and bills of materials;
 * {@code autoPlaceComponents} when its component orders go out at once instead of waiting for its approval (RULES 3.5).
 */
public record CapacityProfile(List<ProductionResource> resources, List<Capability> capabilities, int wipMax,
                              WorkingCalendar calendar, List<BillOfMaterials> boms, boolean autoPlaceComponents) {

    /** A profile whose component orders wait for approval. */
    public CapacityProfile(List<ProductionResource> resources, List<Capability> capabilities, int wipMax,
                           WorkingCalendar calendar, List<BillOfMaterials> boms) {
        this(resources, capabilities, wipMax, calendar, boms, false);
    }

    public CapacityProfile {
        resources = List.copyOf(resources);
        capabilities = List.copyOf(capabilities);
        boms = List.copyOf(boms);
    }

    public Optional<Capability> capability(String material) {
        return capabilities.stream().filter(c -> c.material().equals(material)).findFirst();
    }

    public Optional<ProductionResource> resource(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<BillOfMaterials> bom(String material) {
        return boms.stream().filter(b -> b.material().equals(material)).findFirst();
    }
}
