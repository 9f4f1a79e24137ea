/** The data dictionary over the API: UN/ECE Rec 20 units and conversion, GTIN checks and platform material codes. */
package org.hanse.app.dictionary;
