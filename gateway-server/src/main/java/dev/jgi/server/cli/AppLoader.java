package dev.jgi.server.cli;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Lifespan;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * Finds and instantiates the application named on the command line, in a class loader of its own
 * whose parent shows it only the JGI API and the JDK, so the server's libraries never clash with the
 * application's [JGI-APP-7]. APP is one of:
 * <ul>
 *   <li>{@code com.example.App}: a class implementing {@link Application} or {@link AsyncApplication}
 *       with a public no-argument constructor, found on {@code --classpath};</li>
 *   <li>{@code com.example.App::create}: a public static no-argument factory method;</li>
 *   <li>{@code path/app.jar}: a jar naming its app in the manifest attribute {@code JGI-App} (either
 *       form above), or providing one as a {@link java.util.ServiceLoader} service.</li>
 * </ul>
 */
final class AppLoader {

    /** A loaded application and where it came from. */
    record Loaded(Lifespan app, String name, URLClassLoader loader, List<Path> sources) {}

    private final String spec;
    private final List<Path> classpath;

    AppLoader(String spec, List<Path> classpath) {
        this.spec = spec;
        this.classpath = List.copyOf(classpath);
    }

    /** What a reload must watch: the classpath entries and the app jar. */
    List<Path> sources() {
        List<Path> all = new ArrayList<>(classpath);
        if (isJar()) {
            all.addFirst(Path.of(spec));
        }
        return all;
    }

    /** The app jar, when APP names one. */
    Path jar() {
        return isJar() ? Path.of(spec) : null;
    }

    private boolean isJar() {
        return spec.endsWith(".jar");
    }

    /** Loads a fresh instance in a fresh class loader; each call (each reload) gets new classes. */
    Loaded load() throws IOException {
        URLClassLoader loader = classLoader();
        String name = isJar() ? manifestAttribute(Path.of(spec), "JGI-App") : spec;
        Lifespan app;
        if (name != null) {
            app = instantiate(name, loader);
        } else {
            app = fromServiceLoader(loader);
            name = app.getClass().getName();
        }
        return new Loaded(app, name, loader, sources());
    }

    /** A fresh class loader over the app's sources that shows it only the JGI API and the JDK. */
    URLClassLoader classLoader() {
        List<Path> sources = sources();
        URL[] urls = new URL[sources.size()];
        for (int i = 0; i < urls.length; i++) {
            Path source = sources.get(i);
            if (!Files.exists(source)) {
                throw new IllegalArgumentException("not found: " + source);
            }
            urls[i] = url(source);
        }
        return new URLClassLoader("jgi-app", urls, new ApiOnlyLoader());
    }

    private static URL url(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable path: " + path, e);
        }
    }

    /** A main attribute of the jar's manifest; null when absent. */
    static String manifestAttribute(Path jar, String attribute) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue(attribute);
        }
    }

    private static Lifespan fromServiceLoader(ClassLoader loader) {
        Iterator<Application> sync =
                ServiceLoader.load(Application.class, loader).iterator();
        if (sync.hasNext()) {
            return sync.next();
        }
        Iterator<AsyncApplication> async =
                ServiceLoader.load(AsyncApplication.class, loader).iterator();
        if (async.hasNext()) {
            return async.next();
        }
        throw new IllegalArgumentException("the jar names no app: add a JGI-App manifest attribute or a "
                + "META-INF/services/dev.jgi.api.Application (or AsyncApplication) entry");
    }

    private static Lifespan instantiate(String name, ClassLoader loader) {
        int colons = name.indexOf("::");
        String className = colons < 0 ? name : name.substring(0, colons);
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class not found: " + className + " (is it on --classpath?)");
        }
        Object app;
        try {
            if (colons >= 0) {
                Method factory = type.getMethod(name.substring(colons + 2));
                if (!Modifier.isStatic(factory.getModifiers())) {
                    throw new IllegalArgumentException(name + " is not a static method");
                }
                app = factory.invoke(null);
            } else {
                app = type.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    colons >= 0
                            ? "no public static no-argument method " + name
                            : className + " has no public no-argument constructor");
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException("creating the app failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + name + ": " + e, e);
        }
        if (app instanceof Application || app instanceof AsyncApplication) {
            return (Lifespan) app;
        }
        throw new IllegalArgumentException("[JGI-APP-7] " + name + " gives a "
                + (app == null ? "null" : app.getClass().getName())
                + ", which is neither a dev.jgi.api.Application nor a dev.jgi.api.AsyncApplication");
    }

    /** The parent of every app class loader: the JDK's platform classes, the JGI API and the asset lookup, nothing else of the server. */
    private static final class ApiOnlyLoader extends ClassLoader {
        private static final ClassLoader SERVER = Application.class.getClassLoader();

        ApiOnlyLoader() {
            super("jgi-api", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (isShared(name)) {
                return SERVER.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            int slash = name.lastIndexOf('/');
            return slash > 0 && isShared(name.substring(0, slash).replace('/', '.') + ".resource")
                    ? SERVER.getResource(name)
                    : null;
        }

        /**
         * The JGI API, and the top-level package of gateway-assets, whose {@code StaticUrls} reads the
         * hashed asset names the server published; nothing else of the server's.
         */
        private static boolean isShared(String className) {
            String assets = "dev.jgi.assets.";
            return className.startsWith("dev.jgi.api.")
                    || (className.startsWith(assets) && className.indexOf('.', assets.length()) < 0);
        }
    }
}
