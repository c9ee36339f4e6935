/**
 * S3-compatible buckets for JGI through the AWS SDK for Java v2: {@link dev.jgi.s3.BucketLocation},
 * the {@code s3} backend of gateway-media, and {@link dev.jgi.s3.TreeUpload} for collect-static.
 */
@SuppressWarnings("requires-transitive-automatic") // S3Client appears in TreeUpload's signature.
module dev.jgi.s3 {
    exports dev.jgi.s3;

    requires transitive dev.jgi.media;
    // The SDK's jars are automatic modules: these are their Automatic-Module-Name values.
    requires transitive software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.urlconnection;

    provides dev.jgi.media.MediaStorageProvider with
            dev.jgi.s3.S3MediaStorageProvider;
}
