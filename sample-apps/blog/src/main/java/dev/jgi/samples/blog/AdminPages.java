package dev.jgi.samples.blog;

import dev.jgi.api.Response;
import dev.jgi.samples.micro.Context;
import dev.jgi.samples.micro.Csrf;
import dev.jgi.samples.micro.HttpError;
import dev.jgi.samples.micro.Params;
import java.util.Map;
import java.util.Optional;

/** The admin area: log in and out, write and delete posts. */
final class AdminPages {

    static final String USER_ID = "user_id";
    static final String USERNAME = "username";

    private final Users users;
    private final Posts posts;
    private final Templates templates;

    AdminPages(Users users, Posts posts, Templates templates) {
        this.users = users;
        this.posts = posts;
        this.templates = templates;
    }

    Response loginForm(Context context) throws Exception {
        return templates.page(200, "admin/login", PublicPages.model(context, Map.of("error", "", "username", "")));
    }

    Response login(Context context) throws Exception {
        Params form = context.form();
        String username = form.first("username").orElse("").strip();
        Optional<Users.User> user =
                users.authenticate(username, form.first("password").orElse(""));
        if (user.isEmpty()) {
            return templates.page(
                    200,
                    "admin/login",
                    PublicPages.model(context, Map.of("error", "Wrong username or password.", "username", username)));
        }
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
        String title = context.form().first("title").orElse("").strip();
        String body = context.form().first("body").orElse("").strip();
        if (title.isEmpty() || title.length() > 200 || body.isEmpty() || body.length() > 100_000) {
            return templates.page(
                    400,
                    "admin/dashboard",
                    PublicPages.model(
                            context,
                            Map.of(
                                    "posts",
                                    posts.latest(100),
                                    "error",
                                    "A post needs a title (at most 200 characters) and a body (at most 100,000).")));
        }
        Posts.Post post = posts.create(title, body, user.get());
        return Response.redirect(303, context.url("/posts/" + post.slug()));
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
