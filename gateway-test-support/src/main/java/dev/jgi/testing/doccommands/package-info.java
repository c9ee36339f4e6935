/**
 * The one extractor of the shell commands that documents show ({@link
 * dev.jgi.testing.doccommands.ShellBlocks}) and the runner that runs them in a scratch copy of the
 * checkout ({@link dev.jgi.testing.doccommands.CommandRunner}): docs-site's {@code DocumentCommandsIT}
 * runs every document's blocks with it, and a test that runs a block its own way (the blog's
 * {@code BlogOnObjectStorageIT}, against s3proxy) reads the block through the same extractor. JDK only,
 * so that {@link dev.jgi.testing.doccommands.DocCommands} runs from {@code target/classes} alone.
 */
package dev.jgi.testing.doccommands;
