/** Field-level validation problems shared by every input rule. */
package org.hanse.core.validation;
