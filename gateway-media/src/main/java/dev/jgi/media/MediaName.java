package dev.jgi.media;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name a stored upload gets: 26 random base32 characters (130 bits from {@link SecureRandom}) and
 * the extension of its sniffed type, such as {@code q3x7...k2a.png}. A name is made here, never taken
 * from a client, and has no {@code /}, no dot but the extension's and no upper case, so it is the same
 * object key, file name and URL segment on every backend, cannot leave its directory or prefix, and
 * two uploads do not collide.
 *
 * @param value the name, such as {@code q3x7ve2mbaq4kdfsq6ep5yw2ka.png}
 */
public record MediaName(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z2-7]{26}\\.[a-z0-9]{1,8}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @throws IllegalArgumentException when {@code value} is not a name this class could have made */
    public MediaName {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a media name (26 base32 characters and an extension): "
                    + value.substring(0, Math.min(value.length(), 60)));
        }
    }

    /** A new random name for a file of {@code type}. */
    public static MediaName random(ImageType type) {
        byte[] bytes = new byte[17];
        RANDOM.nextBytes(bytes);
        StringBuilder name = new StringBuilder(32);
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | (b & 0xff);
            bits += 8;
            while (bits >= 5 && name.length() < 26) {
                bits -= 5;
                name.append(BASE32[(int) (buffer >>> bits) & 31]);
            }
        }
        return new MediaName(name.append('.').append(type.extension()).toString());
    }

    /** The type the extension names, if it is an image type. */
    public java.util.Optional<ImageType> type() {
        return ImageType.byExtension(value.substring(value.lastIndexOf('.') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
