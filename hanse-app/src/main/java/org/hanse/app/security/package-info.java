/** Who is calling: API keys (node keys stored hashed, the operator key from configuration) and the principal of each request. */
package org.hanse.app.security;
