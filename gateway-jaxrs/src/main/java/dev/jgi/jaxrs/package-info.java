/**
 * A Jersey 4 container for JGI: {@link dev.jgi.jaxrs.JerseyApplication} turns a Jakarta REST
 * {@code Application} into a JGI {@link dev.jgi.api.AsyncApplication}, the way
 * {@code jersey-container-jdk-http} turns one into a JDK {@code HttpHandler}.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>Each exchange runs Jersey on a virtual thread of its own, which blocks on the channel's
 *       stages: request body reads wait for the next {@code RequestBody} event, response writes
 *       wait until the server accepted the bytes [JGI-STREAM-2], so memory stays bounded both
 *       ways.</li>
 *   <li>A suspended exchange ({@code AsyncResponse}, {@code SseEventSink}) is resumed on the
 *       application's thread, never on a server I/O thread [JGI-APP-4].</li>
 *   <li>While an exchange is suspended, one more virtual thread waits for the channel's
 *       {@code Disconnect} event [JGI-DISC-3] and closes the response's chunked output when the
 *       client left first.</li>
 * </ul>
 */
package dev.jgi.jaxrs;
