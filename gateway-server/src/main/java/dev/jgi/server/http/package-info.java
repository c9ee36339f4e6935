/**
 * The request path of the reference server, from Undertow's parsed head to the application and
 * back: admission ({@code GatewayHandler}, {@code HeadCheck}, {@code RequestMapper}, one sealed
 * {@code Admission}), entry into the current application ({@code InFlight}, {@code AppSlot}), the
 * call ({@code SyncCall} on the request's thread, {@code AsyncCall} on the I/O thread), and the
 * response ({@code Transport}, one {@code Phase} per exchange). Internal: not exported.
 *
 * <p>Which work runs on the I/O thread and which on the request's thread, and the measurements
 * that justify the split: {@code docs/architecture.md} in the repository.
 */
package dev.jgi.server.http;
