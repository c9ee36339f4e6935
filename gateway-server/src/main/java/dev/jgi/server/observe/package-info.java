/**
 * The seam between the request path and operations: {@link dev.jgi.server.observe.ServerObserver}
 * is called at a handful of points (request started and ended, the server's own answers, static
 * hits), and {@link dev.jgi.server.observe.ObservedRequest} is what it sees of a request in flight.
 * Metrics and the status page implement the observer; the core depends on nothing else of them.
 */
package dev.jgi.server.observe;
