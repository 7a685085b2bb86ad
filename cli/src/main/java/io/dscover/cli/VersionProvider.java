package io.dscover.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), with the Java runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Dscover.class.getPackage().getImplementationVersion();
        return new String[] {"dscover " + (v == null ? "development build" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
