package org.campaign.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds free TCP ports on the loopback interface. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns {@code port} unless it is 0, in which case a currently free loopback port is returned. */
    public static int orFree(int port) {
        return port != 0 ? port : free();
    }

    /** Returns a loopback port that was free at the time of the call. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port available", e);
        }
    }
}
