package dev.jgi.samples.blog;

import dev.jgi.api.Response;
import dev.jgi.media.MediaName;
import dev.jgi.media.MediaStorage;
import dev.jgi.media.UploadRejected;
import dev.jgi.media.UploadRules;
import dev.jgi.samples.micro.Context;
import dev.jgi.samples.micro.Csrf;
import dev.jgi.samples.micro.HttpError;
import dev.jgi.samples.micro.MultipartForm;
import dev.jgi.samples.micro.Params;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The admin area: log in and out, write posts (with an optional image) and delete them. */
final class AdminPages {

    static final String USER_ID = "user_id";
    static final String USERNAME = "username";

    private final Users users;
    private final Posts posts;
    private final Templates templates;
    private final MediaStorage media;
    private final LoginThrottle throttle;

    /** Images up to 8 MiB, of the sniffed types gateway-media knows (PNG, JPEG, GIF, WebP). */
    static final UploadRules IMAGE_RULES = UploadRules.images(8L * 1024 * 1024);

    AdminPages(Users users, Posts posts, Templates templates, MediaStorage media, LoginThrottle throttle) {
        this.users = users;
        this.posts = posts;
        this.templates = templates;
        this.media = media;
        this.throttle = throttle;
    }

    Response loginForm(Context context) throws Exception {
        return templates.page(200, "admin/login", PublicPages.model(context, Map.of("error", "", "username", "")));
    }

    Response login(Context context) throws Exception {
        Params form = context.form();
        String username = form.first("username").orElse("").strip();
        Optional<Duration> wait =
                throttle.retryAfter(username, context.request().client());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            String message = "Too many failed logins; try again in " + Math.ceilDiv(seconds, 60) + " minute(s).";
            return templates
                    .page(
                            429,
                            "admin/login",
                            PublicPages.model(context, Map.of("error", message, "username", username)))
                    .withHeader("retry-after", String.valueOf(seconds));
        }
        Optional<Users.User> user =
                users.authenticate(username, form.first("password").orElse(""));
        if (user.isEmpty()) {
            throttle.failed(username, context.request().client());
            return templates.page(
                    200,
                    "admin/login",
                    PublicPages.model(context, Map.of("error", "Wrong username or password.", "username", username)));
        }
        throttle.succeeded(username);
        Csrf.rotate(context.session());
        context.session().put(USER_ID, String.valueOf(user.get().id()));
        context.session().put(USERNAME, user.get().username());
        return Response.redirect(303, context.url("/admin"));
    }

    Response logout(Context context) {
        context.session().clear();
        return Response.redirect(303, context.url("/"));
    }

    Response dashboard(Context context) throws Exception {
        if (user(context).isEmpty()) {
            return Response.redirect(303, context.url("/admin/login"));
        }
        return templates.page(
                200, "admin/dashboard", PublicPages.model(context, Map.of("posts", posts.latest(100), "error", "")));
    }

    Response create(Context context) throws Exception {
        Optional<Users.User> user = user(context);
        if (user.isEmpty()) {
            throw HttpError.forbidden("log in first");
        }
        Optional<MediaName> image = Optional.empty();
        Params form;
        if (context.request().header("content-type").orElse("").startsWith("multipart/form-data")) {
            MultipartForm multipart = context.multipart();
            try {
                image = storeImage(multipart);
            } catch (UploadRejected rejected) {
                multipart.finish();
                int status = rejected.reason() == UploadRejected.Reason.TOO_LARGE ? 413 : 400;
                return formError(context, status, "The image was not saved: " + rejected.getMessage());
            }
            form = multipart.finish();
        } else {
            form = context.form();
        }
        String title = form.first("title").orElse("").strip();
        String body = form.first("body").orElse("").strip();
        if (title.isEmpty() || title.length() > 200 || body.isEmpty() || body.length() > 100_000) {
            if (image.isPresent()) {
                media.delete(image.get());
            }
            return formError(
                    context, 400, "A post needs a title (at most 200 characters) and a body (at most 100,000).");
        }
        Posts.Post post = posts.create(title, body, image, user.get());
        return Response.redirect(303, context.url("/posts/" + post.slug()));
    }

    /** The image field's file, streamed into the media storage; empty when no file was chosen. */
    private Optional<MediaName> storeImage(MultipartForm form) throws Exception {
        Optional<MultipartForm.FilePart> file = form.nextFile();
        while (file.isPresent() && !file.get().field().equals("image")) {
            file = form.nextFile();
        }
        if (file.isEmpty() || file.get().fileName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(media.store(file.get().content(), IMAGE_RULES).name());
    }

    private Response formError(Context context, int status, String message) throws Exception {
        return templates.page(
                status,
                "admin/dashboard",
                PublicPages.model(context, Map.of("posts", posts.latest(100), "error", message)));
    }

    Response delete(Context context) throws Exception {
        if (user(context).isEmpty()) {
            throw HttpError.forbidden("log in first");
        }
        if (!posts.delete(context.longParam("id"))) {
            throw HttpError.notFound();
        }
        return Response.redirect(303, context.url("/admin"));
    }

    private static Optional<Users.User> user(Context context) {
        return context.session()
                .get(USER_ID)
                .flatMap(id -> context.session().get(USERNAME).map(name -> new Users.User(Long.parseLong(id), name)));
    }
}
