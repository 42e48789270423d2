package dev.bitbridge.testkit.bitbucket;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator as a process, for demos: {@code --flavor cloud|datacenter}, {@code --port N} (0 = any),
 * {@code --https}. Seeds one workspace or project ({@code demo}/{@code DEMO}), one repository ({@code app}) with a
 * commit on {@code main}, and one credential with what Bitbridge needs, printed at start. Stops on Ctrl-C.
 */
public final class BitbucketSimulatorMain {

    private BitbucketSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Flavor flavor = Flavor.CLOUD;
        int port = 0;
        boolean https = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--flavor" -> flavor = "datacenter".equalsIgnoreCase(args[++i]) ? Flavor.DATA_CENTER
                        : Flavor.CLOUD;
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--https" -> https = true;
                default -> {
                    System.err.println("usage: [--flavor cloud|datacenter] [--port N] [--https]");
                    System.exit(2);
                }
            }
        }
        BitbucketSimulator sim = BitbucketSimulator.start(flavor, port, https);
        Account demo = sim.addAccount("Demo User", "demo@example.com");
        String owner = flavor == Flavor.CLOUD ? "demo" : "DEMO";
        RepoRef repo = sim.createRepository(owner, "app");
        sim.push(repo, "main", NewCommit.by(demo, "Initial commit"));
        System.out.println("Bitbucket " + (flavor == Flavor.CLOUD ? "Cloud" : "Data Center") + " simulator at "
                + sim.baseUrl());
        System.out.println("repository: " + repo.fullName());
        if (flavor == Flavor.CLOUD) {
            sim.credentials().apiToken(demo, "demo-api-token", "read:user:bitbucket", "read:workspace:bitbucket",
                    "read:repository:bitbucket", "read:pullrequest:bitbucket", "read:webhook:bitbucket",
                    "write:webhook:bitbucket", "delete:webhook:bitbucket");
            System.out.println("credential: API token, Basic " + demo.email() + " : demo-api-token");
        } else {
            sim.credentials().dcUser(demo, "demo-password");
            sim.credentials().grant(demo, DcPermission.PROJECT_ADMIN, owner, null);
            sim.credentials().dcPersonalToken(demo, "demo-http-token", DcPermission.PROJECT_ADMIN);
            System.out.println("credential: HTTP access token, Bearer demo-http-token (user " + demo.name()
                    + ", password demo-password)");
        }
        if (https) {
            System.out.print(sim.certificatePem());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "bitbucket-sim-stop"));
        stop.await();
    }
}
