/** The web UI's shell: where a signed-in person lands, and the node workspace that gathers each module's live panels. */
package org.hanse.app.workspace;
