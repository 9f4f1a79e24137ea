/** Trust from short-term reciprocity: rated deliveries, negotiated parameters, penalties, trust values and the sharing level they control. */
package org.hanse.app.trust;
