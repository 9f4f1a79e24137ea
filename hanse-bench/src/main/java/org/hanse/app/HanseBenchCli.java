package org.hanse.app;

import picocli.CommandLine;

/**
 * The launcher of hanse-bench's jar: the whole {@code hanse} command line plus {@code hanse bench …}, so that the crash
 * driver can start this same jar's {@code serve} as its child.
 */
public final class HanseBenchCli {

    private HanseBenchCli() {
    }

    public static void main(String[] args) {
        HanseCli.execute(new CommandLine(new HanseCli()).addSubcommand(new BenchCli()), args);
    }
}
