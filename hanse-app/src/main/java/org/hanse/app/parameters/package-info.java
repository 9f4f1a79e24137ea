/** Network parameters: the versioned parameter set every rule reads (with history), per-pair overrides, API and operator page. */
package org.hanse.app.parameters;
