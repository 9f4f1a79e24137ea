/** The data dictionary: GS1 identifiers (GTIN, GLN), material codes and UN/ECE Rec 20 units with conversion. */
package org.hanse.core.dictionary;
