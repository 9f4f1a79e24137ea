/** Relationship analytics: transaction density and classes, resource complementarity, critical paths and distortion metrics. */
package org.hanse.app.relations;
