package dev.jgi.samples.blog;

import dev.jgi.api.Response;
import dev.jgi.samples.micro.Context;
import dev.jgi.samples.micro.HttpError;
import java.util.HashMap;
import java.util.Map;

/** What every visitor sees: the latest posts and each post. */
final class PublicPages {

    private final Posts posts;
    private final Templates templates;

    PublicPages(Posts posts, Templates templates) {
        this.posts = posts;
        this.templates = templates;
    }

    Response index(Context context) throws Exception {
        return templates.page(200, "index", model(context, Map.of("posts", posts.latest(20))));
    }

    Response post(Context context) throws Exception {
        Posts.Post post = posts.bySlug(context.param("slug")).orElseThrow(HttpError::notFound);
        return templates.page(200, "post", model(context, Map.of("post", post)));
    }

    /**
     * What every template gets: the signed-in user (or null), {@code csrf.token} for forms, the
     * mount prefix as {@code base}, and {@code extra}.
     */
    static Map<String, Object> model(Context context, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("user", context.session().get(AdminPages.USERNAME).orElse(null));
        model.put("csrf", new CsrfField(context));
        model.put("base", context.url(""));
        return model;
    }

    /**
     * The CSRF token, created only when a template renders a form, so that a page without one
     * sets no session cookie and stays cacheable.
     */
    public record CsrfField(Context context) {
        public String getToken() {
            return context.csrfToken();
        }
    }
}
