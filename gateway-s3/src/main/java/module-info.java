/**
 * S3-compatible buckets for JGI through the AWS SDK for Java v2: {@link dev.jgi.s3.BucketLocation},
 * the {@code s3} backend of gateway-media, and {@link dev.jgi.s3.TreeUpload} for collect-static.
 */
// The SDK's S3Client and SdkException appear in TreeUpload's and BucketException's signatures; the
// module name ends in a digit as the storage service's does (javac's "module" lint warns of that).
@SuppressWarnings({"requires-transitive-automatic", "module"})
module dev.jgi.s3 {
    exports dev.jgi.s3;

    requires transitive dev.jgi.media;
    // The SDK's jars are automatic modules: these are their Automatic-Module-Name values.
    requires transitive software.amazon.awssdk.services.s3;
    requires transitive software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.urlconnection;

    provides dev.jgi.media.MediaStorageProvider with
            dev.jgi.s3.S3MediaStorageProvider;
}
