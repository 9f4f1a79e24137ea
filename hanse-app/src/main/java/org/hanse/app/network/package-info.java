/** The network: node registration and config versions, API keys, adjacency (links), neighbours' views of configs, and partner events including proxy conversion. */
package org.hanse.app.network;
