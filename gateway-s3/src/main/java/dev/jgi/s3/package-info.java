/**
 * S3-compatible object storage: AWS S3, Cloudflare R2, DigitalOcean Spaces, MinIO, s3proxy. A
 * {@link dev.jgi.s3.BucketLocation} comes from an {@code s3://bucket/prefix?...} URL and the standard
 * {@code AWS_*} settings; {@link dev.jgi.s3.S3Clients} builds the SDK's client for it (endpoint override,
 * path-style access, the default credentials chain, no EC2 metadata look-up for the region);
 * {@link dev.jgi.s3.S3MediaStorage} stores uploads; {@link dev.jgi.s3.TreeUpload} uploads a collected
 * static tree. Failures the SDK reports become a {@link dev.jgi.s3.BucketException} with a one-line
 * message. Arguments are non-null; a {@code null} argument throws {@link java.lang.NullPointerException}.
 */
package dev.jgi.s3;
