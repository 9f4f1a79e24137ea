/** The network's rule parameters (RULES "Network parameters"): one record with every default, its reader and per-pair overrides. */
package org.hanse.core.parameters;
