/** The Hanse server and command line: Spring Boot application, one Spring Modulith module per sub-package. */
package org.hanse.app;
