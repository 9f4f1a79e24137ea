package org.hanse.core.order;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.node.NodeId;
import org.hanse.core.validation.TreeReader;
import org.hanse.core.validation.Validated;

/**
 * Reads a node's capacity declaration (the {@code capacity} section of its config file, or the body of
 * {@code PUT /nodes/{id}/capacity}): resources, what is made on them, WIP limit, calendar and bills of materials.
 * <pre>
 * wip-max: 20
 * calendar: { days-off: [SATURDAY, SUNDAY], holidays: ["2026-12-24"], zone: Europe/Berlin }
 * resources: [ { id: assembly, hours-per-day: 16, equipment: [homag-kal-210], parameters: { max-width-mm: [0, 1200] } } ]
 * materials: [ { material: "4012360002019", resource: assembly, rate-per-hour: 2, setup: PT1H } ]
 * auto-place-components: false   # true: component orders go out at once, without the maker's approval
 * bom:
 *   - material: "4012360002019"
 *     processing-time: P2D
 *     components: [ { material: "4012345000016", quantity: 1.5, supplier: owl-spanplatten } ]
 * </pre>
 */
public final class CapacityProfileReader extends TreeReader {

    static final Set<String> KEYS = Set.of("wip-max", "calendar", "resources", "materials", "bom", "auto-place-components");
    static final int MAX_WIP = 100_000;

    private final String prefix;
    private final Set<String> mappedMaterials;

    private CapacityProfileReader(String prefix, Set<String> mappedMaterials) {
        this.prefix = prefix;
        this.mappedMaterials = mappedMaterials;
    }

    /**
     * Validates {@code tree}; paths start with {@code prefix} (e.g. "capacity"). Materials made must be in the
     * node's BOM mapping ({@code mappedMaterials}), since orders reach the node in its mapped units.
     */
    public static Validated<CapacityProfile> read(Object tree, String prefix, Set<String> mappedMaterials) {
        CapacityProfileReader reader = new CapacityProfileReader(prefix, mappedMaterials);
        CapacityProfile profile = reader.readRoot(tree);
        return reader.problems().isEmpty() ? Validated.valid(profile) : Validated.invalid(reader.problems());
    }

    private String at(String path) {
        return prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
    }

    private CapacityProfile readRoot(Object tree) {
        Map<?, ?> root = requiredMap(at(""), tree);
        if (root == null) {
            return null;
        }
        unknownKeys(at(""), root, KEYS);
        Integer wipMax = wholeNumber(at("wip-max"), root.get("wip-max"), 1, MAX_WIP);
        WorkingCalendar calendar = calendar(root.get("calendar"));
        List<ProductionResource> resources = resources(root.get("resources"));
        Set<String> resourceIds = new HashSet<>();
        resources.forEach(r -> resourceIds.add(r.id()));
        List<Capability> capabilities = capabilities(root.get("materials"), resourceIds);
        Set<String> made = new HashSet<>();
        capabilities.forEach(c -> made.add(c.material()));
        List<BillOfMaterials> boms = boms(root.get("bom"), made);
        Object auto = root.get("auto-place-components");
        if (auto != null && !(auto instanceof Boolean)) {
            add(at("auto-place-components"), "must be true or false");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new CapacityProfile(resources, capabilities, wipMax, calendar, boms, Boolean.TRUE.equals(auto));
    }

    private WorkingCalendar calendar(Object value) {
        if (value == null) {
            return WorkingCalendar.WEEKDAYS;
        }
        Map<?, ?> map = requiredMap(at("calendar"), value);
        if (map == null) {
            return null;
        }
        unknownKeys(at("calendar"), map, Set.of("days-off", "holidays", "zone"));
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        if (map.get("zone") != null) {
            String name = requiredString(at("calendar.zone"), map.get("zone"));
            try {
                zone = name == null ? zone : java.time.ZoneId.of(name);
            } catch (java.time.DateTimeException e) {
                add(at("calendar.zone"), "must be a time zone such as Europe/Berlin");
            }
        }
        Set<DayOfWeek> daysOff = EnumSet.noneOf(DayOfWeek.class);
        List<?> days = map.get("days-off") == null ? List.of() : requiredList(at("calendar.days-off"), map.get("days-off"));
        for (int i = 0; days != null && i < days.size(); i++) {
            String path = at("calendar.days-off[" + i + "]");
            String day = requiredString(path, days.get(i));
            if (day == null) {
                continue;
            }
            try {
                daysOff.add(DayOfWeek.valueOf(day.toUpperCase()));
            } catch (IllegalArgumentException e) {
                add(path, "must be a day of the week such as SATURDAY");
            }
        }
        if (daysOff.size() == 7) {
            add(at("calendar.days-off"), "must leave at least one working day");
        }
        Set<LocalDate> holidays = new HashSet<>();
        List<?> dates = map.get("holidays") == null ? List.of() : requiredList(at("calendar.holidays"), map.get("holidays"));
        for (int i = 0; dates != null && i < dates.size(); i++) {
            String path = at("calendar.holidays[" + i + "]");
            String date = requiredString(path, dates.get(i) instanceof LocalDate d ? d.toString() : dates.get(i));
            if (date == null) {
                continue;
            }
            try {
                holidays.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                add(path, "must be a date such as 2026-12-24");
            }
        }
        return new WorkingCalendar(daysOff, holidays, zone);
    }

    private List<ProductionResource> resources(Object value) {
        List<ProductionResource> resources = new ArrayList<>();
        List<?> list = requiredList(at("resources"), value);
        if (list == null) {
            return resources;
        }
        if (list.isEmpty()) {
            add(at("resources"), "must declare at least one resource");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = at("resources[" + i + "]");
            Map<?, ?> r = requiredMap(path, list.get(i));
            if (r == null) {
                continue;
            }
            unknownKeys(path, r, Set.of("id", "hours-per-day", "equipment", "parameters"));
            String id = requiredString(path + ".id", r.get("id"));
            if (id != null && !ids.add(id)) {
                add(path + ".id", "duplicate resource '" + id + "'");
            }
            BigDecimal hours = positiveNumber(path + ".hours-per-day", r.get("hours-per-day"));
            if (hours != null && hours.compareTo(BigDecimal.valueOf(24)) > 0) {
                add(path + ".hours-per-day", "must be at most 24");
                hours = null;
            }
            Set<String> equipment = new HashSet<>();
            if (r.get("equipment") != null) {
                List<?> models = requiredList(path + ".equipment", r.get("equipment"));
                for (int j = 0; models != null && j < models.size(); j++) {
                    String model = requiredString(path + ".equipment[" + j + "]", models.get(j));
                    if (model != null) {
                        equipment.add(model);
                    }
                }
            }
            Map<String, org.hanse.core.exit.BackupScore.Range> parameters = new java.util.LinkedHashMap<>();
            if (r.get("parameters") != null) {
                Map<?, ?> ranges = requiredMap(path + ".parameters", r.get("parameters"));
                if (ranges != null) {
                    ranges.forEach((name, range) -> {
                        String at = path + ".parameters." + name;
                        List<?> bounds = range instanceof List<?> l ? l : null;
                        if (bounds == null || bounds.size() != 2) {
                            add(at, "must be a range [min, max]");
                            return;
                        }
                        BigDecimal min = requiredNumber(at + "[0]", bounds.get(0));
                        BigDecimal max = requiredNumber(at + "[1]", bounds.get(1));
                        if (min != null && max != null && min.compareTo(max) > 0) {
                            add(at, "min must not exceed max");
                        } else if (min != null && max != null) {
                            parameters.put(String.valueOf(name), new org.hanse.core.exit.BackupScore.Range(min.doubleValue(), max.doubleValue()));
                        }
                    });
                }
            }
            if (id != null && hours != null) {
                resources.add(new ProductionResource(id, hours.doubleValue(), equipment, parameters));
            }
        }
        return resources;
    }

    private List<Capability> capabilities(Object value, Set<String> resourceIds) {
        List<Capability> capabilities = new ArrayList<>();
        List<?> list = requiredList(at("materials"), value);
        if (list == null) {
            return capabilities;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = at("materials[" + i + "]");
            Map<?, ?> m = requiredMap(path, list.get(i));
            if (m == null) {
                continue;
            }
            unknownKeys(path, m, Set.of("material", "resource", "rate-per-hour", "setup"));
            String material = material(path + ".material", m.get("material"));
            if (material != null && !seen.add(material)) {
                add(path + ".material", "declared twice");
            }
            if (material != null && mappedMaterials != null && !mappedMaterials.contains(material)) {
                add(path + ".material", "is not in the node's bom-mapping");
            }
            String resource = requiredString(path + ".resource", m.get("resource"));
            if (resource != null && !resourceIds.contains(resource)) {
                add(path + ".resource", "unknown resource '" + resource + "'");
            }
            BigDecimal rate = positiveNumber(path + ".rate-per-hour", m.get("rate-per-hour"));
            Duration setup = m.get("setup") == null ? Duration.ZERO : duration(path + ".setup", m.get("setup"), Duration.ZERO, Duration.ofDays(7));
            if (material != null && resource != null && rate != null && setup != null) {
                capabilities.add(new Capability(material, resource, rate.doubleValue(), setup));
            }
        }
        return capabilities;
    }

    private List<BillOfMaterials> boms(Object value, Set<String> made) {
        List<BillOfMaterials> boms = new ArrayList<>();
        if (value == null) {
            return boms;
        }
        List<?> list = requiredList(at("bom"), value);
        if (list == null) {
            return boms;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = at("bom[" + i + "]");
            Map<?, ?> b = requiredMap(path, list.get(i));
            if (b == null) {
                continue;
            }
            unknownKeys(path, b, Set.of("material", "processing-time", "components"));
            String material = material(path + ".material", b.get("material"));
            if (material != null && !made.contains(material)) {
                add(path + ".material", "has no entry in materials (no resource makes it)");
            }
            Duration processing = duration(path + ".processing-time", b.get("processing-time"), Duration.ZERO, Duration.ofDays(365));
            List<BillOfMaterials.Component> components = new ArrayList<>();
            List<?> items = requiredList(path + ".components", b.get("components"));
            for (int j = 0; items != null && j < items.size(); j++) {
                String cpath = path + ".components[" + j + "]";
                Map<?, ?> c = requiredMap(cpath, items.get(j));
                if (c == null) {
                    continue;
                }
                unknownKeys(cpath, c, Set.of("material", "quantity", "supplier"));
                String component = material(cpath + ".material", c.get("material"));
                if (component != null && mappedMaterials != null && !mappedMaterials.contains(component)) {
                    add(cpath + ".material", "is not in the node's bom-mapping");
                }
                BigDecimal quantity = positiveNumber(cpath + ".quantity", c.get("quantity"));
                String supplier = requiredString(cpath + ".supplier", c.get("supplier"));
                if (supplier != null && !NodeId.isValid(supplier)) {
                    add(cpath + ".supplier", "must be a node id");
                    supplier = null;
                }
                if (component != null && quantity != null && supplier != null) {
                    components.add(new BillOfMaterials.Component(component, quantity.doubleValue(), supplier));
                }
            }
            if (items != null && items.isEmpty()) {
                add(path + ".components", "must list at least one component");
            }
            if (material != null && processing != null) {
                boms.add(new BillOfMaterials(material, components, processing));
            }
        }
        return boms;
    }

    private String material(String path, Object value) {
        MaterialCode code = materialCode(path, value);
        return code == null ? null : code.value();
    }
}
