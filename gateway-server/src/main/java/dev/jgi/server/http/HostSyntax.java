package dev.jgi.server.http;

import dev.jgi.kernel.syntax.Ascii;

/** RFC 9110 {@code Host = uri-host [ ":" port ]}, with an IP literal in brackets [JGI-HDR-7]. */
final class HostSyntax {

    private HostSyntax() {}

    static boolean isValid(String host) {
        if (host.isEmpty()) {
            return true;
        }
        int portStart;
        if (host.charAt(0) == '[') {
            int close = host.indexOf(']');
            if (close < 0 || !isIpLiteral(host.substring(1, close))) {
                return false;
            }
            portStart = close + 1;
        } else {
            int colon = host.indexOf(':');
            portStart = colon < 0 ? host.length() : colon;
            if (!isRegName(host.substring(0, portStart))) {
                return false;
            }
        }
        if (portStart == host.length()) {
            return true;
        }
        if (host.charAt(portStart) != ':') {
            return false;
        }
        String port = host.substring(portStart + 1);
        return port.length() <= 5 && Ascii.all(port, Ascii::isDigit);
    }

    private static boolean isRegName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Ascii.isLetterOrDigit(c) || "-._~!$&'()*+,;=%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpLiteral(String literal) {
        if (literal.isEmpty()) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == 'v' || c == 'V')) {
                return false;
            }
        }
        return true;
    }
}
