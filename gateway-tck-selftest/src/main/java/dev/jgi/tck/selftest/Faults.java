package dev.jgi.tck.selftest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalogue of injected faults: each makes the reference server break one rule. The faults are
 * kept by where they act: the request the server builds, the completion hooks, the exchange and
 * response body, the lifespan, the WebSocket channel, the bytes on the wire, and the server's past
 * defects.
 */
public final class Faults {

    private Faults() {}

    public static List<Fault> all() {
        return Stream.of(
                        RequestFaults.all(),
                        HookFaults.all(),
                        ExchangeFaults.all(),
                        LifespanFaults.all(),
                        WebSocketFaults.all(),
                        WireFaults.all(),
                        ValueFaults.all(),
                        ResponseFaults.all(),
                        ProtocolFaults.all(),
                        BodyLimitFaults.all(),
                        TrailerFaults.all(),
                        PastDefects.all(),
                        SignalFaults.all(),
                        FramingFaults.all(),
                        ChannelFaults.all(),
                        ParserFaults.all(),
                        ConfigFaults.all(),
                        ConnectionFaults.all(),
                        RequestBodyFaults.all())
                .flatMap(List::stream)
                .toList();
    }

    static Optional<Fault> named(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
