package dev.jgi.samples.blog;

import dev.jgi.api.Response;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Pebble templates from the jar's {@code templates/} folder, HTML-escaped by default. A
 * {@code static('css/blog.css')} function gives asset URLs, so pages never spell them out.
 */
final class Templates {

    private final PebbleEngine engine;

    Templates(AssetUrls assets, boolean debug) {
        ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .cacheActive(!debug)
                .extension(new AbstractExtension() {
                    @Override
                    public Map<String, Function> getFunctions() {
                        return Map.of("static", new StaticFunction(assets));
                    }
                })
                .build();
    }

    Response page(int status, String name, Map<String, Object> model) throws IOException {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter();
        template.evaluate(out, model);
        return Response.html(status, out.toString());
    }

    private record StaticFunction(AssetUrls assets) implements Function {
        @Override
        public List<String> getArgumentNames() {
            return List.of("path");
        }

        @Override
        public Object execute(
                Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            return assets.url(String.valueOf(args.get("path")));
        }
    }
}
