package dev.jgi.server.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The virtual-thread scheduler's gauges, read through JMX from the JDK's
 * {@code jdk.management:type=VirtualThreadScheduler} bean. The bean exists from Java 24 on; on Java
 * 21 to 23 the gauges are left out rather than reported as zero. JMX by name, rather than the
 * bean's interface, keeps the code compiling for Java 21.
 */
final class VirtualThreads {

    private static final String BEAN = "jdk.management:type=VirtualThreadScheduler";

    private VirtualThreads() {}

    static void register(PrometheusRegistry registry) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name;
        try {
            name = new ObjectName(BEAN);
            if (!server.isRegistered(name)) {
                return;
            }
        } catch (JMException e) {
            return;
        }
        gauge(
                registry,
                server,
                name,
                "jgi_virtual_threads_mounted",
                "MountedVirtualThreadCount",
                "Virtual threads mounted on a carrier thread now");
        gauge(
                registry,
                server,
                name,
                "jgi_virtual_threads_queued",
                "QueuedVirtualThreadCount",
                "Virtual threads queued to the scheduler, waiting for a carrier");
        gauge(
                registry,
                server,
                name,
                "jgi_virtual_thread_carriers",
                "PoolSize",
                "Carrier threads of the virtual-thread scheduler, started or waiting");
    }

    /** The value of one attribute of the scheduler bean, or -1 when it cannot be read. */
    static long read(String attribute) {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(BEAN), attribute);
            return value instanceof Number n ? n.longValue() : -1;
        } catch (JMException e) {
            return -1;
        }
    }

    private static void gauge(
            PrometheusRegistry registry,
            MBeanServer server,
            ObjectName bean,
            String name,
            String attribute,
            String help) {
        GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .callback(callback -> {
                    try {
                        if (server.getAttribute(bean, attribute) instanceof Number n) {
                            callback.call(n.doubleValue());
                        }
                    } catch (JMException e) {
                        // The bean went away or lacks the attribute on this JDK: no sample.
                    }
                })
                .register(registry);
    }
}
