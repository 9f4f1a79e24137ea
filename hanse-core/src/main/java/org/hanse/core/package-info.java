/** Hanse's pure rules: one package per mechanism, no framework, no I/O, time passed in as an argument. */
package org.hanse.core;
