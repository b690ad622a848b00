package io.avreplay.fleet.job;

import io.avreplay.error.AvreplayException;
import io.avreplay.error.BadInputException;

/** Turns a failed Spark job back into the domain error that failed its task, when there is one. */
final class SparkFailures {
    private SparkFailures() {
    }

    /**
     * @return the first domain exception in {@code e}'s causes (Spark hands a local task's exception back
     *         as the cause), else a {@link BadInputException} carrying the first line of Spark's message
     *         after the failed task's exception class name
     */
    static RuntimeException rethrow(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AvreplayException a) {
                return a;
            }
        }
        String msg = String.valueOf(e.getMessage());
        String first = msg.lines().findFirst().orElse(msg);
        int at = first.indexOf("BadInputException: ");
        if (at < 0) {
            at = first.indexOf("CorruptLogException: ");
        }
        if (at >= 0) {
            return new BadInputException(first.substring(first.indexOf(": ", at) + 2), e);
        }
        return new IllegalStateException("fleet job failed: " + first, e);
    }
}
