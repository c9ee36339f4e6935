package dev.jgi.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Uploads files to a bucket prefix in the order given, skipping those whose content is already there,
 * as collect-static does with a collected tree (its manifest last, so that a run that stops half-way
 * leaves the previous manifest pointing at objects that exist).
 *
 * <p>"Already there" is decided by content, never by time: the listing's {@code ETag}, which is the
 * MD5 of an object uploaded in one piece, is compared with the file's MD5; an object whose
 * {@code ETag} is not an MD5 (a multipart upload, some encryption modes) is compared by the SHA-256
 * every upload here records as the metadata {@value #SHA256_METADATA}. Only the content is compared: an
 * unchanged object keeps the headers it was uploaded with.
 */
public final class TreeUpload {

    /** The user metadata ({@code x-amz-meta-sha256}) holding the hex SHA-256 of an uploaded object. */
    public static final String SHA256_METADATA = "sha256";

    private TreeUpload() {}

    /**
     * One file to upload.
     *
     * @param relativePath the key below the location's prefix, such as {@code css/site.3f2a1b9c.css}
     * @param file the file
     * @param contentType the {@code Content-Type} to store
     * @param cacheControl the {@code Cache-Control} to store
     */
    public record LocalObject(String relativePath, Path file, String contentType, String cacheControl) {
        public LocalObject {
            Objects.requireNonNull(relativePath, "relativePath");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(cacheControl, "cacheControl");
        }
    }

    /**
     * What a run did.
     *
     * @param uploaded the relative paths uploaded, in order
     * @param unchanged how many objects already had the same content
     */
    public record Result(List<String> uploaded, int unchanged) {
        public Result {
            uploaded = List.copyOf(uploaded);
        }
    }

    /**
     * Uploads {@code objects} in order.
     *
     * @throws BucketException when the bucket is missing, the credentials are refused or the endpoint
     *     cannot be reached; the objects uploaded before the failure stay
     * @throws IOException when a file cannot be read
     */
    public static Result run(S3Client s3, BucketLocation location, List<LocalObject> objects) throws IOException {
        try {
            Map<String, String> etags = existing(s3, location);
            List<String> uploaded = new java.util.ArrayList<>();
            int unchanged = 0;
            for (LocalObject object : objects) {
                Digests digests = Digests.of(object.file());
                String key = location.key(object.relativePath());
                if (alreadyThere(s3, location, key, etags.get(key), digests)) {
                    unchanged++;
                    continue;
                }
                s3.putObject(
                        b -> b.bucket(location.bucket())
                                .key(key)
                                .contentType(object.contentType())
                                .cacheControl(object.cacheControl())
                                .acl(location.acl().orElse(null))
                                .contentMD5(Base64.getEncoder().encodeToString(digests.md5()))
                                .metadata(Map.of(SHA256_METADATA, digests.sha256Hex())),
                        RequestBody.fromFile(object.file()));
                uploaded.add(object.relativePath());
            }
            return new Result(uploaded, unchanged);
        } catch (SdkException e) {
            throw BucketException.of(e, location);
        }
    }

    /** Key to ETag (unquoted) of every object below the prefix. */
    private static Map<String, String> existing(S3Client s3, BucketLocation location) {
        Map<String, String> etags = new HashMap<>();
        String prefix = location.prefix().isEmpty() ? "" : location.prefix() + "/";
        for (S3Object object : s3.listObjectsV2Paginator(
                        b -> b.bucket(location.bucket()).prefix(prefix))
                .contents()) {
            etags.put(object.key(), unquote(object.eTag()));
        }
        return etags;
    }

    private static boolean alreadyThere(
            S3Client s3, BucketLocation location, String key, String etag, Digests digests) {
        if (etag == null) {
            return false;
        }
        if (etag.matches("[0-9a-fA-F]{32}")) {
            return etag.equalsIgnoreCase(HexFormat.of().formatHex(digests.md5()));
        }
        Optional<String> sha256 = Optional.ofNullable(
                s3.headObject(b -> b.bucket(location.bucket()).key(key))
                        .metadata()
                        .get(SHA256_METADATA));
        return sha256.filter(digests.sha256Hex()::equalsIgnoreCase).isPresent();
    }

    private static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /** The MD5 and SHA-256 of a file, read once. */
    private record Digests(byte[] md5, String sha256Hex) {
        static Digests of(Path file) throws IOException {
            MessageDigest md5 = digest("MD5");
            MessageDigest sha256 = digest("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    md5.update(buffer, 0, n);
                    sha256.update(buffer, 0, n);
                }
            }
            return new Digests(md5.digest(), HexFormat.of().formatHex(sha256.digest()));
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has " + algorithm, e);
            }
        }
    }
}
