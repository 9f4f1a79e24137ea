/** The demo network: a furniture cluster in Ostwestfalen-Lippe loaded through the same API rules a real node uses. */
package org.hanse.app.demo;
