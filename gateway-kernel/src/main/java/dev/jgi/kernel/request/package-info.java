/** What a server decides about a request line before it reads further: its HTTP-version [JGI-REQ-11]. */
package dev.jgi.kernel.request;
