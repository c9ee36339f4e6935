package dev.jgi.kernel.request;

import dev.jgi.api.Capability;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The capabilities one request holds: the declared ones less those its transport cannot carry [JGI-CAP-6]. */
public final class HeldCapabilities {

    private HeldCapabilities() {}

    /**
     * {@code declared} less {@code absent}, as an unmodifiable set.
     *
     * @param declared the capabilities of {@code ServerInfo} [JGI-CAP-1]
     * @param absent   those the server cannot honour on this request's protocol or connection
     */
    public static Set<Capability> of(Set<Capability> declared, Set<Capability> absent) {
        if (Collections.disjoint(declared, absent)) {
            // Set.copyOf returns an unmodifiable set as it is: most requests allocate nothing here.
            return Set.copyOf(declared);
        }
        // Not disjoint, so neither set is empty.
        Set<Capability> held = EnumSet.copyOf(declared);
        held.removeAll(absent);
        return Set.copyOf(held);
    }
}
