package dev.jgi.s3;

import dev.jgi.s3.testing.S3ProxyServer;

/** Puts the test server's credentials where the SDK's default chain looks first: the aws.* system properties. */
final class Credentials {

    private Credentials() {}

    static void useTestCredentials() {
        use(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL);
    }

    static void use(String accessKey, String secretKey) {
        System.setProperty("aws.accessKeyId", accessKey);
        System.setProperty("aws.secretAccessKey", secretKey);
    }

    static void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
