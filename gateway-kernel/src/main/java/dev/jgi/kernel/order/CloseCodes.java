package dev.jgi.kernel.order;

/** The close codes of RFC 6455 §7.4 that an endpoint may put on the wire [JGI-WS-8]. */
public final class CloseCodes {

    private CloseCodes() {}

    /**
     * Whether an application may send {@code code}, and a server may echo it in its reply to the
     * peer's close: 1000 to 1003, 1007 to 1014, or 3000 to 4999 [JGI-WS-8]. 1004 to 1006 and 1015
     * are reserved for reports and never sent.
     */
    public static boolean sendable(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
