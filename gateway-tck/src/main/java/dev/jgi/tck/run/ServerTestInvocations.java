package dev.jgi.tck.run;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Http2Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.report.TestOutcome;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.wire.Transcript;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Runs each {@link ServerTest} once per probe variant and protocol of the run (HTTP/1.1 only for an
 * {@link Http1Only} test and for the {@link Variant#SECURE} deployment, whose client picks its
 * protocol by ALPN), hands it a {@link Probe}, skips it when the
 * server lacks a {@link Requires required} capability or the deployment, and records its outcome
 * (with the bytes exchanged, on failure) for the report.
 */
public final class ServerTestInvocations
        implements TestTemplateInvocationContextProvider, TestWatcher, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ServerTestInvocations.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> m.isAnnotationPresent(ServerTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        ServerTest test = method.getAnnotation(ServerTest.class);
        List<Protocol> protocols = List.copyOf(TckRun.of(context).session().protocols());
        boolean http1Only = method.isAnnotationPresent(Http1Only.class);
        boolean http2Only = method.isAnnotationPresent(Http2Only.class);
        return Arrays.stream(test.value())
                .flatMap(variant -> protocols.stream()
                        .filter(p -> p == Protocol.HTTP_1_1 ? !http2Only : !http1Only && variant != Variant.SECURE)
                        .map(p -> new Invocation(variant, p)));
    }

    /**
     * A run limited to HTTP/2 by {@code jgi.tck.protocols} has no invocation of an HTTP/1.1-only test,
     * nor a run of an HTTP/1.1-only server of an HTTP/2-only one.
     */
    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Transcript transcript = context.getStore(NAMESPACE).get(Transcript.class, Transcript.class);
        if (transcript != null && !transcript.isEmpty()) {
            TckRun.of(context).outcomes().evidence(context.getUniqueId(), transcript.render(4096));
        }
        throw failure;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, TestOutcome.Status.PASSED, "");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(
                context,
                TestOutcome.Status.FAILED,
                String.valueOf(cause.getMessage()).strip());
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, TestOutcome.Status.SKIPPED, String.valueOf(cause.getMessage()));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, TestOutcome.Status.SKIPPED, reason.orElse("disabled"));
    }

    private static void record(ExtensionContext context, TestOutcome.Status status, String message) {
        Method method = context.getRequiredTestMethod();
        List<String> clauses = Arrays.stream(method.getAnnotationsByType(Clause.class))
                .map(Clause::value)
                .toList();
        TckRun run = TckRun.of(context);
        run.outcomes()
                .add(new TestOutcome(
                        method.getDeclaringClass().getSimpleName() + "#" + method.getName(),
                        context.getDisplayName(),
                        clauses,
                        status,
                        message,
                        run.outcomes().takeEvidence(context.getUniqueId())));
    }

    /** One variant's invocation over one protocol; HTTP/1.1 ones keep the names they always had. */
    private record Invocation(Variant variant, Protocol protocol) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return protocol == Protocol.HTTP_1_1 ? "[" + variant + "]" : "[" + variant + " " + protocol.token() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Gate(variant, protocol), new ProbeResolver(variant, protocol));
        }
    }

    /**
     * Skips an invocation whose deployment or capability the server does not offer: a capability
     * it did not declare, or one its requests over this protocol do not hold [JGI-CAP-6].
     */
    private record Gate(Variant variant, Protocol protocol) implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            ServerSession session = TckRun.of(context).session();
            if (!session.has(variant)) {
                return ConditionEvaluationResult.disabled("external mode without a " + variant + " endpoint");
            }
            if (variant == Variant.SECURE && !session.offersTls()) {
                return ConditionEvaluationResult.disabled(
                        "the server offers no TLS listener (ServerUnderTest.startSecure)");
            }
            Optional<Requires> requires = context.getTestMethod().map(m -> m.getAnnotation(Requires.class));
            if (requires.isPresent()
                    && !session.capabilities(variant)
                            .contains(requires.get().value().name())) {
                return ConditionEvaluationResult.disabled(
                        "capability " + requires.get().value() + " not declared");
            }
            if (requires.isPresent()
                    && !new Probe(session, session.target(variant, protocol), protocol, new Transcript())
                            .requestCapabilities()
                            .contains(requires.get().value().name())) {
                return ConditionEvaluationResult.disabled(
                        "capability " + requires.get().value() + " declared but not held by requests over "
                                + protocol.token() + " [JGI-CAP-6]");
            }
            return ConditionEvaluationResult.enabled("deployment and capabilities present");
        }
    }

    /** Supplies the {@link Probe} bound to the invocation's variant. */
    private record ProbeResolver(Variant variant, Protocol protocol) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Probe.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ServerSession session = TckRun.of(context).session();
            Transcript transcript = new Transcript();
            context.getStore(NAMESPACE).put(Transcript.class, transcript);
            return new Probe(session, session.target(variant, protocol), protocol, transcript);
        }
    }
}
