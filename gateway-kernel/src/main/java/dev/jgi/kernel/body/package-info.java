/**
 * The request body's limits, once for every implementer: the per-exchange limit an application or
 * a middleware lowers [JGI-LIM-7], and the 413 that answers a failure it caused [JGI-LIM-8].
 */
package dev.jgi.kernel.body;
