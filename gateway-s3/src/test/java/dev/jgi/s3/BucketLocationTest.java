package dev.jgi.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.media.StorageUrl;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BucketLocationTest {

    private static BucketLocation of(String url, Map<String, String> env) {
        return BucketLocation.of(StorageUrl.parse(url), Set.of(), env);
    }

    @Test
    void bucketPrefixAndKeys() {
        BucketLocation at = of("s3://static-files/blog/v1/", Map.of());
        assertThat(at.bucket()).isEqualTo("static-files");
        assertThat(at.prefix()).isEqualTo("blog/v1");
        assertThat(at.key("css/site.css")).isEqualTo("blog/v1/css/site.css");
        assertThat(of("s3://static-files", Map.of()).key("a.css")).isEqualTo("a.css");
        assertThat(at).hasToString("s3://static-files/blog/v1");
        assertThat(at.acl()).isEmpty();
        assertThat(of("s3://b1b?acl=public-read", Map.of()).acl())
                .hasValue(software.amazon.awssdk.services.s3.model.ObjectCannedACL.PUBLIC_READ);
    }

    @Test
    void awsItselfUsesVirtualHostsAndAnEndpointMeansPathStyle() {
        BucketLocation aws = of("s3://b1b/p", Map.of());
        assertThat(aws.endpoint()).isEmpty();
        assertThat(aws.pathStyle()).isFalse();
        BucketLocation minio = of("s3://b1b/p?endpoint=http://127.0.0.1:9000", Map.of());
        assertThat(minio.endpoint()).hasValue(URI.create("http://127.0.0.1:9000"));
        assertThat(minio.pathStyle()).isTrue();
        assertThat(of("s3://b1b/p?endpoint=https://r2.example&path-style=false", Map.of())
                        .pathStyle())
                .isFalse();
    }

    @Test
    void theEndpointComesFromTheStandardVariablesWhenTheUrlHasNone() {
        assertThat(of("s3://b1b", Map.of("AWS_ENDPOINT_URL", "http://one:1")).endpoint())
                .hasValue(URI.create("http://one:1"));
        assertThat(of("s3://b1b", Map.of("AWS_ENDPOINT_URL", "http://one:1", "AWS_ENDPOINT_URL_S3", "http://s3:2"))
                        .endpoint())
                .hasValue(URI.create("http://s3:2"));
        assertThat(of("s3://b1b?endpoint=http://url:3", Map.of("AWS_ENDPOINT_URL_S3", "http://s3:2"))
                        .endpoint())
                .hasValue(URI.create("http://url:3"));
    }

    @Test
    void malformedLocationsAreClearErrors() {
        assertThatThrownBy(() -> of("s3://Bad_Bucket/x", Map.of())).hasMessageContaining("not an S3 bucket name");
        assertThatThrownBy(() -> of("s3://bucket//x", Map.of())).hasMessageContaining("double '/'");
        assertThatThrownBy(() -> of("s3://bucket?endpoint=ftp://x", Map.of())).hasMessageContaining("http://");
        assertThatThrownBy(() -> of("s3://bucket?path-style=maybe", Map.of())).hasMessageContaining("true or false");
        assertThatThrownBy(() -> of("s3://bucket?regin=x", Map.of())).hasMessageContaining("unknown parameter 'regin'");
        assertThatThrownBy(() -> of("file:./x", Map.of())).hasMessageContaining("not an s3:// URL");
        assertThatThrownBy(() -> of("s3://bucket?acl=world", Map.of())).hasMessageContaining("canned ACL");
    }

    @Test
    void urlExpiryTakesSecondsOrAUnit() {
        assertThat(S3MediaStorageProvider.duration("90")).hasSeconds(90);
        assertThat(S3MediaStorageProvider.duration("15m")).hasMinutes(15);
        assertThat(S3MediaStorageProvider.duration("2d")).hasDays(2);
        assertThatThrownBy(() -> S3MediaStorageProvider.duration("soon")).hasMessageContaining("url-expiry");
    }
}
