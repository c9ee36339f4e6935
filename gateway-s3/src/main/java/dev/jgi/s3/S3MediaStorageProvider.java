package dev.jgi.s3;

import dev.jgi.media.MediaStorage;
import dev.jgi.media.MediaStorageProvider;
import dev.jgi.media.StorageUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code s3} scheme of gateway-media:
 * {@code MEDIA_STORAGE_URL=s3://BUCKET/PREFIX?public-url=URL&url-expiry=DURATION} plus the location's
 * own parameters ({@link BucketLocation}). {@code public-url} is the base URL the objects are
 * publicly readable at (a CDN, or the bucket's own URL when it allows public reads), ending with
 * {@code /}; without it, pages get presigned URLs valid for {@code url-expiry} (default 1 h; seconds,
 * or a number with {@code s}, {@code m}, {@code h} or {@code d}).
 */
public final class S3MediaStorageProvider implements MediaStorageProvider {

    static final Duration DEFAULT_URL_EXPIRY = Duration.ofHours(1);

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public MediaStorage open(StorageUrl url) {
        BucketLocation location = BucketLocation.of(url, Set.of("public-url", "url-expiry"), System.getenv());
        Optional<URI> publicUrl = url.parameter("public-url").map(URI::create);
        Duration expiry = url.parameter("url-expiry")
                .map(S3MediaStorageProvider::duration)
                .orElse(DEFAULT_URL_EXPIRY);
        return new S3MediaStorage(location, publicUrl, expiry);
    }

    static Duration duration(String text) {
        String value = text.strip();
        try {
            char unit = value.charAt(value.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("url-expiry is seconds or a number with s, m, h or d: " + text, e);
        }
    }
}
