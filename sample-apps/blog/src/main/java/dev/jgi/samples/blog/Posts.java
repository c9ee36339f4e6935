package dev.jgi.samples.blog;

import dev.jgi.media.MediaName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code posts} table. */
public final class Posts {

    /**
     * A published post. Public accessors, because templates read them.
     *
     * @param image the name of the post's image in the media storage, if it has one
     */
    public record Post(
            long id,
            String slug,
            String title,
            String body,
            String author,
            OffsetDateTime publishedAt,
            Optional<MediaName> image) {

        /** The body split at blank lines, for the template to put in {@code <p>}s. */
        public List<String> paragraphs() {
            return List.of(body.strip().split("\\R\\s*\\R"));
        }
    }

    private static final String SELECT = "SELECT p.id, p.slug, p.title, p.body, u.username, p.published_at, p.image "
            + "FROM posts p JOIN users u ON u.id = p.author_id ";

    private final Database database;

    public Posts(Database database) {
        this.database = database;
    }

    public List<Post> latest(int limit) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement select =
                        c.prepareStatement(SELECT + "ORDER BY p.published_at DESC, p.id DESC LIMIT ?")) {
            select.setInt(1, limit);
            return read(select);
        }
    }

    public Optional<Post> bySlug(String slug) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement select = c.prepareStatement(SELECT + "WHERE p.slug = ?")) {
            select.setString(1, slug);
            return read(select).stream().findFirst();
        }
    }

    /** Publishes a post under a slug made from its title, unique by a numeric suffix. */
    public Post create(String title, String body, Optional<MediaName> image, Users.User author) throws SQLException {
        String base = slugOf(title);
        String slug = base;
        for (int n = 2; bySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        try (Connection c = database.connection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO posts (slug, title, body, author_id, image) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, slug);
            insert.setString(2, title);
            insert.setString(3, body);
            insert.setLong(4, author.id());
            insert.setString(5, image.map(MediaName::value).orElse(null));
            insert.executeUpdate();
        }
        return bySlug(slug).orElseThrow();
    }

    public boolean delete(long id) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM posts WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "post" : slug;
    }

    private static List<Post> read(PreparedStatement select) throws SQLException {
        List<Post> posts = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                posts.add(new Post(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getObject(6, OffsetDateTime.class),
                        Optional.ofNullable(row.getString(7)).map(MediaName::new)));
            }
        }
        return posts;
    }
}
