package io.avreplay.perception.model;

/** ND4J's process-wide native thread settings, kept here so ND4J types stay in the model packages. */
public final class NativeThreads {
    private NativeThreads() {
    }

    /**
     * Sets how many native threads one ND4J call may use, returning the previous value. Process-wide:
     * callers restore the previous value.
     *
     * @param threads threads per call, &gt;= 1
     * @return the previous value
     */
    public static int setPerCall(int threads) {
        org.nd4j.linalg.factory.Environment env = org.nd4j.linalg.factory.Nd4j.getEnvironment();
        int previous = env.maxThreads();
        env.setMaxThreads(threads);
        env.setMaxMasterThreads(threads);
        return previous;
    }
}
