package dev.jgi.servlet;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Lifespan;
import jakarta.servlet.UnavailableException;

/** Loads the application a deployment descriptor names. */
final class Applications {

    private Applications() {}

    /** [JGI-APP-7] refuses, with a clear message, a class that is neither kind of application. */
    static Lifespan load(String className) throws UnavailableException {
        if (className == null || className.isBlank()) {
            throw new UnavailableException(
                    "set the init parameter " + JgiServlet.APPLICATION_PARAMETER + " to the application's class name");
        }
        Object instance;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(
                    className.strip(), true, loader == null ? Applications.class.getClassLoader() : loader);
            instance = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UnavailableException("cannot create the application " + className + ": " + e);
        }
        if (instance instanceof AsyncApplication || instance instanceof Application) {
            return (Lifespan) instance;
        }
        throw new UnavailableException("[JGI-APP-7] " + className + " implements neither " + Application.class.getName()
                + " nor " + AsyncApplication.class.getName());
    }
}
