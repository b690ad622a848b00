/**
 * The log and run viewer in the browser: {@link io.avreplay.scenario.view.LogView} turns a log (and
 * optionally a run's detections and a catalogue's scenario windows) into one page of plain HTML, CSS
 * and JavaScript bundled as resources (no external scripts or fonts), served on 127.0.0.1 by
 * {@link io.avreplay.scenario.view.ViewServer} or written as one self-contained file. The page has a
 * timeline to scrub and play, the camera images and a canvas bird's-eye view with the overlay colours
 * of {@link io.avreplay.scenario.overlay}, per-frame counts, and the scenario windows. A URL fragment
 * {@code #t=12.5s} (seconds from the log's start) or {@code #ns=<timestamp>} opens the page at an instant.
 */
package io.avreplay.scenario.view;
