package io.avreplay.cli;

import io.avreplay.replay.log.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the tool version from the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"avreplay " + ToolVersion.current()};
    }
}
