/** Relationship analytics (RULES 3.2–3.4): transaction density and thresholds, resource complementarity, specificity, critical paths, relay caps, redundant encoding and distortion. */
package org.hanse.core.relation;
