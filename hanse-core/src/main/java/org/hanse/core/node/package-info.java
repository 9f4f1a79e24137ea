/** Node identity and the zero-code node config file (RULES 3.1): reading, validation, canonical form and proxy rules. */
package org.hanse.core.node;
