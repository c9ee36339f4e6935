package dev.jgi.validator;

import dev.jgi.api.Lifespan;
import dev.jgi.api.ServerInfo;
import java.util.Map;

/** What both checked applications share: the lifespan checks and the once-per-exchange check. */
abstract class CheckedLifespan implements Lifespan {

    final Reporter reporter;
    final LifespanCheck lifespan;
    final OnceCheck once = new OnceCheck();

    CheckedLifespan(Lifespan app, Reporter reporter) {
        this.reporter = reporter;
        this.lifespan = new LifespanCheck(app, reporter);
    }

    @Override
    public Map<String, Object> start(ServerInfo server) throws Exception {
        return lifespan.start(server);
    }

    @Override
    public void stop() throws Exception {
        lifespan.stop();
    }
}
