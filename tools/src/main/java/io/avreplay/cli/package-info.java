/**
 * The {@code avreplay} command line: picocli subcommands, exit-code contract and error rendering.
 * This is the only package in the project that uses picocli or calls {@code System.exit}.
 */
package io.avreplay.cli;
