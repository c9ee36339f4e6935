/**
 * The JGI servlet bridge: {@link dev.jgi.servlet.JgiServlet} hosts a JGI application in a Jakarta
 * Servlet 6.1 container. Deployment as a WAR and embedded is described in
 * {@code docs/servlet-bridge.md}.
 */
package dev.jgi.servlet;
