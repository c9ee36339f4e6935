/** What a server refuses in a request line: its HTTP-version [JGI-REQ-11], CONNECT [JGI-REQ-12]. */
package dev.jgi.kernel.request;
