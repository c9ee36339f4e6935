package dev.jgi.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    private static java.util.Optional<ImageType> sniff(byte[] head) {
        return ImageType.sniff(head, head.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void recognisesEachFormatByItsSignature() {
        assertThat(sniff(Images.png(64))).hasValue(ImageType.PNG);
        assertThat(sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16}))
                .hasValue(ImageType.JPEG);
        assertThat(sniff(ascii("GIF89a\u0001\u0000"))).hasValue(ImageType.GIF);
        assertThat(sniff(ascii("GIF87a\u0001\u0000"))).hasValue(ImageType.GIF);
        assertThat(sniff(ascii("RIFF\u0010\u0000\u0000\u0000WEBPVP8 "))).hasValue(ImageType.WEBP);
    }

    @Test
    void documentsAndLookAlikesAreNotImages() {
        assertThat(sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>")))
                .isEmpty();
        assertThat(sniff(ascii("<!doctype html><script>alert(1)</script>"))).isEmpty();
        assertThat(sniff(ascii("RIFF\u0010\u0000\u0000\u0000WAVEfmt ")))
                .as("a WAV file")
                .isEmpty();
        assertThat(sniff(ascii("GIF8xa"))).isEmpty();
        assertThat(sniff(ascii("%PDF-1.7"))).isEmpty();
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N'}))
                .as("a truncated signature")
                .isEmpty();
        assertThat(sniff(new byte[0])).isEmpty();
    }

    @Test
    void storedNamesCarryTheSniffedTypesExtension() {
        for (ImageType type : ImageType.values()) {
            assertThat(MediaName.random(type).type()).hasValue(type);
        }
    }
}
