/** RFC 7396 JSON Merge Patch over plain trees: the smallest patch between two versions, and applying it. */
package org.hanse.core.patch;
