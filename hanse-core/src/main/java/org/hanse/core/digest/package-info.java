/** Content digests used to recognise repeated requests and to check integrity. */
package org.hanse.core.digest;
