package org.hanse.core.order;

import java.time.Duration;
import java.util.List;

/** A finished material's components (quantity per unit, preferred supplier) and its processing time per order. */
public record BillOfMaterials(String material, List<Component> components, Duration processingTime) {

    /** One component line of a bill of materials. */
    public record Component(String material, double quantityPerUnit, String preferredSupplier) {
    }

    public BillOfMaterials {
        components = List.copyOf(components);
    }
}
