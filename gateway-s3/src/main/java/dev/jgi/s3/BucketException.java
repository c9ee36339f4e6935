package dev.jgi.s3;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket operation that failed, with a one-line message that says what to check (the bucket name,
 * the credentials, the endpoint) instead of the SDK's exception chain, which stays the cause.
 */
public final class BucketException extends IOException {

    private BucketException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exception to report for an SDK failure while working on {@code location}. */
    public static BucketException of(SdkException failure, BucketLocation location) {
        return new BucketException(describe(failure, location), failure);
    }

    private static String describe(SdkException failure, BucketLocation location) {
        String where = location.endpointDescription();
        if (failure instanceof S3Exception s3) {
            String code =
                    s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode();
            code = code == null ? "" : code;
            return switch (code) {
                case "NoSuchBucket" -> "the bucket '" + location.bucket() + "' does not exist at " + where;
                case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken" ->
                    where + " refused the credentials (" + code
                            + "): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
                case "AccessDenied" ->
                    "access to " + location + " was denied (AccessDenied): the credentials lack permission";
                default ->
                    where + " answered " + s3.statusCode() + (code.isEmpty() ? "" : " " + code) + " for " + location;
            };
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException
                || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException
                || root instanceof java.net.SocketException) {
            return "cannot reach " + where + ": " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " " + root.getMessage());
        }
        if (failure instanceof SdkClientException
                && String.valueOf(failure.getMessage()).contains("credentials")) {
            return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile)";
        }
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return "the request to " + where + " failed: " + (newline < 0 ? message : message.substring(0, newline));
    }
}
