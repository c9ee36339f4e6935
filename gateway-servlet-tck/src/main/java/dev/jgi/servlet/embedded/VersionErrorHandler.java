package dev.jgi.servlet.embedded;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages, but 505 where Jetty's HTTP/1.1 parser answers an {@code HTTP/2.0} request
 * line with 426 [JGI-REQ-11]: on an HTTP/1.x connection a request whose major version is not 1 is
 * one the server does not support (RFC 9110 §6.2), not one it could upgrade. Jetty refuses it while
 * parsing the head, before any servlet runs, so only the server's error handler sees it. The
 * launcher's only connector speaks HTTP/1.1, so a request of version 2 there is such a line.
 */
final class VersionErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (response.getStatus() == HttpStatus.UPGRADE_REQUIRED_426
                && request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2) {
            // The page's status comes from the parser's exception when there is one, so it goes.
            request.removeAttribute(ERROR_EXCEPTION);
            request.removeAttribute(ERROR_MESSAGE);
            response.setStatus(HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505);
        }
        return super.handle(request, response, callback);
    }
}
