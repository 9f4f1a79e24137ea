/** Node exit and substitution (RULES 3.9): planned/unplanned classification, silence detection, backup-candidate scoring and initial trust. */
package org.hanse.core.exit;
