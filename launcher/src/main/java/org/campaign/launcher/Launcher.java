package org.campaign.launcher;

import java.nio.file.Path;

/**
 * Starts the local stack from the project's root folder and keeps it running until Ctrl+C.
 * <p>
 * Data is kept in {@code local-data/} (override with {@code -Dcampaign.data=...}); delete that folder to start
 * afresh.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("campaign.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("campaign.data", root.resolve("local-data").toString()))
                .toAbsolutePath().normalize();
        System.out.println("Starting Kafka, MongoDB, the sign-in server and the services; data in " + data);
        LocalStack stack = LocalStack.start(root, data, LocalStack.Ports.DEFAULT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack");
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("Could not stop cleanly: " + e);
            }
        }));
        System.out.println();
        System.out.println("Campaign platform is running. Gateway: " + stack.gatewayUrl());
        System.out.println("Sign-in (demo accounts in the README): " + stack.issuerUrl());
        System.out.println("Service logs: " + data.resolve("logs") + "   Stop with Ctrl+C.");
        Thread.currentThread().join();
    }
}
