package dev.jgi.samples.blog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code users} table: admins who can log in and write posts. */
public final class Users {

    /** A user as the session knows them. */
    public record User(long id, String username) {}

    /** Verified against when a username is unknown, so that timing does not tell which names exist. */
    private static final String DUMMY_HASH = Passwords.hash("not a real password");

    private final Database database;

    public Users(Database database) {
        this.database = database;
    }

    /**
     * Adds a user with a hashed password.
     *
     * @throws IllegalArgumentException when the name is taken or malformed
     */
    public User create(String username, String password) throws SQLException {
        if (!username.matches("[A-Za-z0-9_.@+-]{1,150}")) {
            throw new IllegalArgumentException("a username is 1-150 letters, digits or _.@+-");
        }
        if (password.length() < 8) {
            throw new IllegalArgumentException("a password has at least 8 characters");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("the username " + username + " is taken");
        }
        try (Connection c = database.connection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO users (username, password_hash) VALUES (?, ?)", new String[] {"id"})) {
            insert.setString(1, username);
            insert.setString(2, Passwords.hash(password));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new User(keys.getLong(1), username);
            }
        }
    }

    /** The user whose name and password match; empty for a wrong name or password alike. */
    public Optional<User> authenticate(String username, String password) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement select =
                        c.prepareStatement("SELECT id, password_hash FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    Passwords.verify(password, DUMMY_HASH);
                    return Optional.empty();
                }
                return Passwords.verify(password, row.getString(2))
                        ? Optional.of(new User(row.getLong(1), username))
                        : Optional.empty();
            }
        }
    }

    public Optional<User> find(String username) throws SQLException {
        try (Connection c = database.connection();
                PreparedStatement select = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new User(row.getLong(1), username)) : Optional.empty();
            }
        }
    }
}
