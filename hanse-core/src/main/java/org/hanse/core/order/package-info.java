/** Order-driven trigger and response (RULES 3.5): capacity, urgency, the decision, reservations and the backward/forward chain schedule. */
package org.hanse.core.order;
