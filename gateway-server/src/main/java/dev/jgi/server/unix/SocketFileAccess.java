package dev.jgi.server.unix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * Who may connect to a {@code unix:PATH} socket file: connecting needs write permission on it, so
 * a proxy running as another user (nginx's {@code www-data}) needs the group or the others bits.
 *
 * @param permissions the socket file's permissions ({@code --unix-socket-mode})
 * @param group       the socket file's group ({@code --unix-socket-group}); empty keeps the server's
 */
public record SocketFileAccess(Set<PosixFilePermission> permissions, Optional<String> group) {

    /** Owner and group may connect, others not: the {@code --unix-socket-mode} default, 660. */
    public static final SocketFileAccess OWNER_AND_GROUP = of("660", "");

    public SocketFileAccess {
        permissions = Set.copyOf(permissions);
    }

    /**
     * Reads a socket file's access from its command-line spelling.
     *
     * @param mode  three octal digits, as {@code chmod} takes them
     * @param group a group name; empty for the server's own
     * @throws IllegalArgumentException when {@code mode} is not three octal digits
     */
    public static SocketFileAccess of(String mode, String group) {
        if (!mode.matches("[0-7]{3}")) {
            throw new IllegalArgumentException("a socket file mode is three octal digits such as 660, got " + mode);
        }
        StringBuilder rwx = new StringBuilder();
        for (int i = 0; i < mode.length(); i++) {
            int bits = mode.charAt(i) - '0';
            rwx.append((bits & 4) != 0 ? 'r' : '-')
                    .append((bits & 2) != 0 ? 'w' : '-')
                    .append((bits & 1) != 0 ? 'x' : '-');
        }
        return new SocketFileAccess(
                PosixFilePermissions.fromString(rwx.toString()),
                Optional.of(group).filter(g -> !g.isEmpty()));
    }

    /** Sets the group, then the permissions, of the socket file at {@code path}. */
    void applyTo(Path path) throws IOException {
        if (group.isPresent()) {
            GroupPrincipal principal;
            try {
                principal =
                        path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group.get());
            } catch (UserPrincipalNotFoundException e) {
                throw new IOException("no group named " + group.get() + " (unix-socket-group)", e);
            }
            Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(principal);
        }
        Files.setPosixFilePermissions(path, permissions);
    }
}
