/** Trust from short-term reciprocity (RULES 3.8): interaction quality, reciprocity coefficient, decay-weighted trust, penalties and the sharing level. */
package org.hanse.core.trust;
