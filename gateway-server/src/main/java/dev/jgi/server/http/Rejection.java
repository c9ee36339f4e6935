package dev.jgi.server.http;

/**
 * A request the server answers itself, without calling the application.
 *
 * @param status the status to send
 * @param reason why, naming the clause; sent as the body and logged
 */
record Rejection(int status, String reason) {}
