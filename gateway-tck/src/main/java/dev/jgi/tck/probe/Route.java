package dev.jgi.tck.probe;

/**
 * The probe's routes, chosen by the path inside the mount. Any path that names no route is an
 * echo, so that path tests can aim anywhere.
 *
 * @param name     the route, for example {@code status}
 * @param argument what follows the route name, for example {@code 204}; empty if nothing
 */
record Route(String name, String argument) {

    /** The prefix of every route but echo, so that echo paths never collide with one. */
    static final String PREFIX = "/_tck/";

    static Route of(String path) {
        if (!path.startsWith(PREFIX)) {
            return new Route("echo", "");
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new Route(rest, "") : new Route(rest.substring(0, slash), rest.substring(slash + 1));
    }

    int number(int fallback) {
        try {
            return Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
