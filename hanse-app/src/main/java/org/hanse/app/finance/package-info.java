/** Supply-chain finance: certificates of core enterprises, guarantees, lenders' consents and evidence (docs/FINANCE.md). */
package org.hanse.app.finance;
