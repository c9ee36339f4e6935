package dev.jgi.servlet.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.servlet.JgiServlet;
import dev.jgi.testing.RawHttp;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/**
 * The servlet as a deployment descriptor declares it: created by the container with no
 * arguments, the application named by an init parameter, as in a WAR's web.xml.
 */
class DescriptorDeploymentTest {

    /** An application a descriptor can name: public, with a public no-argument constructor. */
    public static final class Named implements Application {
        @Override
        public Response handle(Request request, Exchange exchange) {
            return Response.text(
                    200, "named by web.xml, mounted at " + request.target().mountPath());
        }
    }

    @Test
    void theApplicationNamedByTheInitParameterServesUnderTheContextPath() throws Exception {
        try (Running tomcat = Running.start(Map.of(JgiServlet.APPLICATION_PARAMETER, Named.class.getName()))) {
            assertThat(tomcat.context.getState()).isEqualTo(LifecycleState.STARTED);
            assertThat(RawHttp.get(tomcat.address(), "/shop/api/x").bodyText())
                    .isEqualTo("named by web.xml, mounted at /shop/api");
        }
    }

    @Test
    void aClassThatIsNoApplicationFailsTheDeployment() throws Exception {
        try (Running tomcat = Running.start(Map.of(JgiServlet.APPLICATION_PARAMETER, String.class.getName()))) {
            assertThat(tomcat.context.getState()).isNotEqualTo(LifecycleState.STARTED);
        }
    }

    /** Tomcat with one context at /shop whose servlet is created from its class, as from web.xml. */
    private record Running(Tomcat tomcat, Context context, Connector connector, Path base) implements AutoCloseable {

        static Running start(Map<String, String> initParameters) throws Exception {
            Path base = Files.createTempDirectory("jgi-descriptor");
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("/shop", base.toString());
            ((StandardContext) context).setFailCtxIfServletStartFails(true);
            Wrapper wrapper = context.createWrapper();
            wrapper.setName("jgi");
            wrapper.setServletClass(JgiServlet.class.getName());
            wrapper.setLoadOnStartup(1);
            wrapper.setAsyncSupported(true);
            initParameters.forEach(wrapper::addInitParameter);
            context.addChild(wrapper);
            context.addServletMapping("/api/*", "jgi");
            try {
                tomcat.start();
            } catch (Exception refused) {
                // A context that fails is reported through its state, which the test checks.
            }
            return new Running(tomcat, context, connector, base);
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", connector.getLocalPort());
        }

        @Override
        public void close() throws Exception {
            tomcat.stop();
            tomcat.destroy();
            try (var paths = Files.walk(base)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
