package dev.jgi.s3;

import dev.jgi.media.StorageUrl;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * A bucket and a key prefix in it, with how to reach it and write to it:
 * {@code s3://BUCKET/PREFIX?endpoint=URL&region=NAME&path-style=BOOL&acl=CANNED_ACL}.
 * <ul>
 * <li>{@code endpoint}: an S3-compatible service's URL; when absent, {@code AWS_ENDPOINT_URL_S3} or
 *     {@code AWS_ENDPOINT_URL} from the environment; when none is set, AWS itself.</li>
 * <li>{@code region}: when absent, {@code AWS_REGION} or the {@code aws.region} system property, then
 *     the AWS profile; {@code us-east-1} when none names one (what S3-compatible services accept).</li>
 * <li>{@code path-style}: {@code https://host/bucket/key} instead of {@code https://bucket.host/key};
 *     the default is on exactly when an endpoint is set, as MinIO and s3proxy need it.</li>
 * <li>{@code acl}: a canned ACL every uploaded object gets, such as {@code public-read}, for services
 *     that grant reads per object; absent by default, as AWS buckets now refuse ACLs and grant public
 *     reads by bucket policy or through a CDN.</li>
 * </ul>
 *
 * @param bucket the bucket name
 * @param prefix the key prefix without leading or trailing {@code /}; empty for the bucket's root
 * @param endpoint the endpoint override
 * @param region the region, when the URL names one
 * @param pathStyle whether requests use path-style addressing
 * @param acl the canned ACL of uploaded objects, when one is set
 */
public record BucketLocation(
        String bucket,
        String prefix,
        Optional<URI> endpoint,
        Optional<String> region,
        boolean pathStyle,
        Optional<ObjectCannedACL> acl) {

    /** The parameters an {@code s3://} URL may carry for the location itself. */
    public static final Set<String> PARAMETERS = Set.of("endpoint", "region", "path-style", "acl");

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public BucketLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(acl, "acl");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException(
                    "not an S3 bucket name (3 to 63 lower-case letters, digits, '.' and '-'): " + bucket);
        }
        if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
            throw new IllegalArgumentException("a key prefix has no leading, trailing or double '/': " + prefix);
        }
        endpoint.ifPresent(uri -> {
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("an S3 endpoint is an http:// or https:// URL: " + uri);
            }
        });
    }

    /**
     * The location an {@code s3://} URL names, with the environment's endpoint when the URL has none.
     *
     * @param extra further parameters the caller accepts (a backend's own)
     * @throws IllegalArgumentException with a message fit for the command line
     */
    public static BucketLocation of(StorageUrl url, Set<String> extra, Map<String, String> environment) {
        if (!url.scheme().equals("s3")) {
            throw new IllegalArgumentException("not an s3:// URL: " + url.scheme() + ":" + url.location());
        }
        java.util.Set<String> known = new java.util.HashSet<>(PARAMETERS);
        known.addAll(extra);
        url.requireOnly(known);
        String location = url.location();
        int slash = location.indexOf('/');
        String bucket = slash < 0 ? location : location.substring(0, slash);
        String prefix = slash < 0 ? "" : location.substring(slash + 1);
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        Optional<URI> endpoint = url.parameter("endpoint")
                .or(() -> Optional.ofNullable(environment.get("AWS_ENDPOINT_URL_S3")))
                .or(() -> Optional.ofNullable(environment.get("AWS_ENDPOINT_URL")))
                .filter(s -> !s.isBlank())
                .map(BucketLocation::endpointUri);
        boolean pathStyle =
                url.parameter("path-style").map(BucketLocation::bool).orElse(endpoint.isPresent());
        Optional<ObjectCannedACL> acl = url.parameter("acl").map(BucketLocation::cannedAcl);
        return new BucketLocation(bucket, prefix, endpoint, url.parameter("region"), pathStyle, acl);
    }

    /** The object key of a path relative to the prefix. */
    public String key(String relativePath) {
        return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
    }

    /** {@code s3://bucket/prefix}, for messages. */
    @Override
    public String toString() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    /** Where requests go, for messages: the endpoint, or AWS. */
    public String endpointDescription() {
        return endpoint.map(URI::toString).orElse("AWS S3");
    }

    private static URI endpointUri(String text) {
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an endpoint URL: " + text, e);
        }
    }

    private static ObjectCannedACL cannedAcl(String text) {
        ObjectCannedACL acl = ObjectCannedACL.fromValue(text.strip());
        if (acl == ObjectCannedACL.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException(
                    "acl is a canned ACL such as public-read (" + ObjectCannedACL.knownValues() + "): " + text);
        }
        return acl;
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("path-style is true or false: " + text);
        };
    }
}
