package dev.jgi.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the SDK's client and presigner for a {@link BucketLocation}. Credentials come from the SDK's
 * default chain (the {@code aws.*} system properties, {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY}, web identity, the profile files, container and instance roles). The
 * region is looked up without the EC2 metadata service, so a machine outside AWS never waits for it.
 * Checksums are sent and checked only where S3 requires them: several S3-compatible services reject
 * the SDK's default trailing checksums.
 */
public final class S3Clients {

    /** Used when no setting names a region; S3-compatible services accept any. */
    static final Region FALLBACK_REGION = Region.US_EAST_1;

    private S3Clients() {}

    /** A client for {@code location}; the caller closes it. */
    public static S3Client client(BucketLocation location) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(region(location))
                .credentialsProvider(credentials())
                .forcePathStyle(location.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        location.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A presigner for {@code location}; the caller closes it. */
    public static S3Presigner presigner(BucketLocation location) {
        var builder = S3Presigner.builder()
                .region(region(location))
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(location.pathStyle())
                        .build());
        location.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static Region region(BucketLocation location) {
        if (location.region().isPresent()) {
            return Region.of(location.region().get());
        }
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (SdkClientException none) {
            return FALLBACK_REGION;
        }
    }

    private static AwsCredentialsProvider credentials() {
        return DefaultCredentialsProvider.builder().build();
    }
}
