/** Node-to-node events: the envelope, the catalogue of types, neighbour views of configs and proxy conversion. */
package org.hanse.core.event;
