package dev.jgi.s3;

import dev.jgi.media.MediaContent;
import dev.jgi.media.MediaName;
import dev.jgi.media.MediaStorage;
import dev.jgi.media.StoredMedia;
import dev.jgi.media.Upload;
import dev.jgi.media.UploadRejected;
import dev.jgi.media.UploadRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Uploads in a bucket, {@code MEDIA_STORAGE_URL=s3://bucket/prefix?...} (see
 * {@link S3MediaStorageProvider} for the parameters). An upload goes up in parts of
 * {@value #PART_SIZE} bytes, the smallest S3 allows, so that at most one part is in memory: a file that
 * fits in one part is a single {@code PutObject}; a larger one a multipart upload, which is aborted
 * when the file breaks the rules or the transfer fails, so that no object and no stored parts remain.
 * Objects get the sniffed {@code Content-Type} and, because a name never gets other content,
 * {@code Cache-Control: public, max-age=31536000, immutable}.
 *
 * <p>{@link #url} is the public base URL plus the name when one is configured (a CDN, or a bucket that
 * allows public reads), else a presigned {@code GET} that expires after the configured time.
 */
public final class S3MediaStorage implements MediaStorage {

    /** 5 MiB: S3's minimum part size, and the most an upload in flight holds in memory. */
    public static final int PART_SIZE = 5 * 1024 * 1024;

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final BucketLocation location;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final Optional<URI> publicUrl;
    private final Duration urlExpiry;
    private final Optional<String> origin;

    /**
     * @param publicUrl the base URL objects are publicly readable at, ending with {@code /}; empty for
     *     presigned URLs
     * @param urlExpiry how long a presigned URL is valid, 1 s to 7 days
     */
    public S3MediaStorage(BucketLocation location, Optional<URI> publicUrl, Duration urlExpiry) {
        this.location = Objects.requireNonNull(location, "location");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        if (urlExpiry.compareTo(Duration.ofSeconds(1)) < 0 || urlExpiry.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("url-expiry is between 1 s and 7 days (S3's limit): " + urlExpiry);
        }
        publicUrl.ifPresent(url -> {
            if (!url.isAbsolute() || url.getHost() == null || !url.getPath().endsWith("/")) {
                throw new IllegalArgumentException("public-url is an absolute URL ending with '/': " + url);
            }
        });
        this.urlExpiry = urlExpiry;
        this.s3 = S3Clients.client(location);
        this.presigner = S3Clients.presigner(location);
        URI sample = URI.create(url(MediaName.random(dev.jgi.media.ImageType.PNG)));
        this.origin = Optional.of(sample.getScheme() + "://" + sample.getRawAuthority());
    }

    @Override
    public StoredMedia store(InputStream content, UploadRules rules) throws UploadRejected, IOException {
        Upload upload = Upload.begin(content, rules);
        String key = location.key(upload.name().value());
        String type = upload.type().contentType();
        try {
            byte[] first = upload.content().readNBytes(PART_SIZE);
            if (first.length < PART_SIZE) {
                s3.putObject(
                        b -> b.bucket(location.bucket())
                                .key(key)
                                .contentType(type)
                                .cacheControl(CACHE_CONTROL)
                                .acl(location.acl().orElse(null)),
                        RequestBody.fromBytes(first));
            } else {
                multipart(key, type, first, upload);
            }
            return upload.stored();
        } catch (SdkException | IOException e) {
            Optional<UploadRejected> rejected = Upload.rejection(e);
            if (rejected.isPresent()) {
                throw rejected.get();
            }
            throw e instanceof SdkException sdk ? BucketException.of(sdk, location) : (IOException) e;
        }
    }

    private void multipart(String key, String type, byte[] first, Upload upload) throws IOException {
        String id = s3.createMultipartUpload(b -> b.bucket(location.bucket())
                        .key(key)
                        .contentType(type)
                        .cacheControl(CACHE_CONTROL)
                        .acl(location.acl().orElse(null)))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] body = part;
                String etag = s3.uploadPart(
                                b -> b.bucket(location.bucket())
                                        .key(key)
                                        .uploadId(id)
                                        .partNumber(number),
                                RequestBody.fromBytes(body))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                part = upload.content().readNBytes(PART_SIZE);
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(location.bucket()).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(
                        b -> b.bucket(location.bucket()).key(key).uploadId(id));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    @Override
    public Optional<MediaContent> open(MediaName name) throws IOException {
        try {
            ResponseInputStream<GetObjectResponse> in =
                    s3.getObject(b -> b.bucket(location.bucket()).key(location.key(name.value())));
            GetObjectResponse head = in.response();
            return Optional.of(new MediaContent(head.contentType(), head.contentLength(), in));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw BucketException.of(e, location);
        }
    }

    @Override
    public boolean delete(MediaName name) throws IOException {
        String key = location.key(name.value());
        try {
            s3.headObject(b -> b.bucket(location.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw BucketException.of(e, location);
        } catch (SdkException e) {
            throw BucketException.of(e, location);
        }
        try {
            s3.deleteObject(b -> b.bucket(location.bucket()).key(key));
            return true;
        } catch (SdkException e) {
            throw BucketException.of(e, location);
        }
    }

    @Override
    public String url(MediaName name) {
        if (publicUrl.isPresent()) {
            return publicUrl.get().resolve(name.value()).toString();
        }
        return presigner
                .presignGetObject(p -> p.signatureDuration(urlExpiry)
                        .getObjectRequest(g -> g.bucket(location.bucket()).key(location.key(name.value()))))
                .url()
                .toString();
    }

    @Override
    public Optional<String> origin() {
        return origin;
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    @Override
    public String toString() {
        return location + " at " + location.endpointDescription();
    }
}
