package dev.jgi.samples.blog;

import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.media.MediaContent;
import dev.jgi.media.MediaName;
import dev.jgi.media.MediaStorage;
import dev.jgi.samples.micro.Context;
import dev.jgi.samples.micro.HttpError;
import java.util.HashMap;
import java.util.Map;

/** What every visitor sees: the latest posts and each post. */
final class PublicPages {

    private final Posts posts;
    private final Templates templates;
    private final MediaStorage media;

    PublicPages(Posts posts, Templates templates, MediaStorage media) {
        this.posts = posts;
        this.templates = templates;
        this.media = media;
    }

    Response index(Context context) throws Exception {
        return templates.page(200, "index", model(context, Map.of("posts", posts.latest(20))));
    }

    Response post(Context context) throws Exception {
        Posts.Post post = posts.bySlug(context.param("slug")).orElseThrow(HttpError::notFound);
        String imageUrl = post.image()
                .map(media::url)
                .map(url -> url.startsWith("/") ? context.url(url) : url)
                .orElse("");
        return templates.page(200, "post", model(context, Map.of("post", post, "imageUrl", imageUrl)));
    }

    /**
     * A stored image, for a media storage whose URLs are the app's own ({@code /media/NAME}, the local
     * directory); a bucket's URLs point at the bucket instead. Names never change content: cacheable for a year.
     */
    Response image(Context context) throws Exception {
        MediaName name;
        try {
            name = new MediaName(context.param("name"));
        } catch (IllegalArgumentException e) {
            throw HttpError.notFound();
        }
        MediaContent content = media.open(name).orElseThrow(HttpError::notFound);
        return Response.of(
                200,
                Headers.of(
                        "content-type", content.contentType(),
                        "content-length", String.valueOf(content.size()),
                        "cache-control", "public, max-age=31536000, immutable"),
                new Body.Stream(content.stream()));
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
