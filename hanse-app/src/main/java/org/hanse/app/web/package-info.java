/** Shared web conventions: RFC 9457 problem+json errors with a field-level list, and the API's exceptions. */
package org.hanse.app.web;
