package io.avreplay.cli;

import io.avreplay.replay.log.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the tool version from the build (also {@code avreplay fleet --version}'s). */
public final class VersionProvider implements IVersionProvider {
    /** @return {@code avreplay <version>} */
    @Override
    public String[] getVersion() {
        return new String[] {"avreplay " + ToolVersion.current()};
    }
}
