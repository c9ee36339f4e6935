package dev.jgi.assets.index;

import java.util.Locale;
import java.util.Map;

/**
 * Media types by file extension, from a table of our own rather than the platform's
 * {@code mime.types}, so a server answers the same on every machine. Text types carry
 * {@code charset=utf-8}; unknown extensions are {@code application/octet-stream}.
 */
public final class MediaTypes {

    private static final String UTF8 = "; charset=utf-8";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF8),
            Map.entry("htm", "text/html" + UTF8),
            Map.entry("css", "text/css" + UTF8),
            Map.entry("txt", "text/plain" + UTF8),
            Map.entry("csv", "text/csv" + UTF8),
            Map.entry("md", "text/markdown" + UTF8),
            Map.entry("xml", "text/xml" + UTF8),
            Map.entry("ics", "text/calendar" + UTF8),
            Map.entry("js", "text/javascript" + UTF8),
            Map.entry("mjs", "text/javascript" + UTF8),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("br", "application/octet-stream"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("ogv", "video/ogg"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("flac", "audio/flac"),
            Map.entry("m4a", "audio/mp4"));

    private MediaTypes() {}

    /** The {@code Content-Type} value for a file name. */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int slash = fileName.lastIndexOf('/');
        if (dot <= slash + 1) {
            return "application/octet-stream";
        }
        return BY_EXTENSION.getOrDefault(
                fileName.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
