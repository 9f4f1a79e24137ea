package org.hanse.core.order;

import java.time.Duration;
import org.hanse.core.node.Location;

/**
 * Default transit time between two nodes when a link does not state one: great-circle distance × 1.3
 * (road detour) at 60 km/h, plus 2 h handling, rounded up to the hour.
 */
public final class Transit {

    public static final double ROAD_FACTOR = 1.3;
    public static final double KM_PER_HOUR = 60;
    public static final Duration HANDLING = Duration.ofHours(2);
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Transit() {
    }

    public static double greatCircleKm(Location a, Location b) {
        double phi1 = Math.toRadians(a.lat());
        double phi2 = Math.toRadians(b.lat());
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2) + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public static Duration estimate(Location from, Location to) {
        double hours = greatCircleKm(from, to) * ROAD_FACTOR / KM_PER_HOUR;
        return HANDLING.plusHours((long) Math.ceil(hours - 1e-9));
    }
}
