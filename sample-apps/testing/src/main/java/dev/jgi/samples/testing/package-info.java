/**
 * What the samples' tests run against, all of it real: the reference server (embedded, or the
 * {@code bin/jgi} process serving a built app jar), a PostgreSQL cluster in a temporary directory,
 * and headless Chromium driven by Selenium.
 */
package dev.jgi.samples.testing;
