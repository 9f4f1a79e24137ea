/** The simulator in the web UI: run a bundled or uploaded scenario in the background with live progress, see its charts, compare two runs. */
package org.hanse.app.simulation;
