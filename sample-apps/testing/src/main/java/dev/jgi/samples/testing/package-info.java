/**
 * What the samples' tests run against besides the project's shared fixtures ({@code dev.jgi.testing}:
 * the {@code bin/jgi} process serving a built app jar, the process launcher), all of it real: the
 * reference server embedded, a PostgreSQL cluster in a temporary directory, and headless Chromium
 * driven by Selenium.
 */
package dev.jgi.samples.testing;
