/** Node exit and substitution: exit intentions and detected exits, backup lists, the contract net, local reconnection. */
package org.hanse.app.continuity;
