/** Supply-chain finance formulas (docs/FINANCE.md): bank discount, receivables advance and rebate, pledge lending value and margin call, prepayment release, annuity schedule, effective annual cost. */
package org.hanse.core.finance;
