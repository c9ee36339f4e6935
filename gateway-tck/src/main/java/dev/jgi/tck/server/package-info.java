/**
 * The server suite: one class per spec chapter, each test carrying the clause IDs it decides. The
 * tests talk to the probe deployed in the server under test, over raw sockets for wire-level
 * checks and REST Assured for semantic ones.
 */
package dev.jgi.tck.server;
