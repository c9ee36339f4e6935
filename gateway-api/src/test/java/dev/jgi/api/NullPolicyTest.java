package dev.jgi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The package's null policy holds for every public constructor: a named NullPointerException. */
class NullPolicyTest {

    private static final List<Class<?>> TOP_LEVEL = List.of(
            Action.class,
            Body.class,
            Completion.class,
            Event.class,
            Headers.class,
            Request.class,
            RequestTarget.class,
            Response.class,
            ServerInfo.class);

    @Test
    void everyRecordComponentOfAReferenceTypeRefusesNullByName() throws Exception {
        List<Class<?>> records = records();
        assertThat(records).hasSizeGreaterThan(20);
        for (Class<?> type : records) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            Object[] valid =
                    Arrays.stream(components).map(NullPolicyTest::sample).toArray();
            canonical.newInstance(valid);
            for (int i = 0; i < components.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                Object[] withNull = valid.clone();
                withNull[i] = null;
                String name = components[i].getName();
                assertThatThrownBy(() -> construct(canonical, withNull))
                        .as("%s(%s = null)", type.getName(), name)
                        .isInstanceOf(NullPointerException.class)
                        .hasMessage(name);
            }
        }
    }

    @Test
    void exceptionsRefuseANullMessage() {
        assertThatThrownBy(() -> new ClientDisconnectedException(null)).hasMessage("message");
        assertThatThrownBy(() -> new BodyTooLargeException(null, 1)).hasMessage("message");
        assertThat(new ClientDisconnectedException("gone", null).getCause()).isNull();
    }

    private static Object construct(Constructor<?> constructor, Object[] arguments) throws Throwable {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static List<Class<?>> records() {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> type : TOP_LEVEL) {
            collect(type, found);
        }
        return found;
    }

    private static void collect(Class<?> type, List<Class<?>> found) {
        if (type.isRecord() && Modifier.isPublic(type.getModifiers())) {
            found.add(type);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, found);
        }
    }

    private static Object sample(RecordComponent component) {
        Class<?> type = component.getType();
        switch (component.getName()) {
            case "scheme" -> {
                return "http";
            }
            case "mountPath" -> {
                return "";
            }
            case "path", "rawPath", "raw" -> {
                return type == Path.class ? Path.of("f") : "/";
            }
            default -> {}
        }
        if (type == int.class) {
            return 200;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        Map<Class<?>, Object> samples = Map.ofEntries(
                Map.entry(String.class, "GET"),
                Map.entry(Headers.class, Headers.of()),
                Map.entry(ByteBuffer.class, ByteBuffer.allocate(0)),
                Map.entry(Path.class, Path.of("f")),
                Map.entry(OptionalLong.class, OptionalLong.empty()),
                Map.entry(Optional.class, Optional.empty()),
                Map.entry(Charset.class, StandardCharsets.UTF_8),
                Map.entry(InputStream.class, new ByteArrayInputStream(new byte[0])),
                Map.entry(RequestTarget.class, RequestTarget.of("/", "/", "/", Optional.empty())),
                Map.entry(SocketAddress.class, new InetSocketAddress("127.0.0.1", 1)),
                Map.entry(Map.class, Map.of()),
                Map.entry(List.class, List.of()),
                Map.entry(Set.class, Set.of()),
                Map.entry(Duration.class, Duration.ZERO),
                Map.entry(Request.Kind.class, Request.Kind.HTTP),
                Map.entry(Body.class, Body.empty()));
        Object sample = samples.get(type);
        if (sample == null) {
            throw new AssertionError("no sample value for " + type.getName() + "; add one");
        }
        return sample;
    }
}
