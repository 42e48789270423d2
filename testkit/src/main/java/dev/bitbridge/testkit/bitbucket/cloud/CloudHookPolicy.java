package dev.bitbridge.testkit.bitbucket.cloud;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Bitbucket Cloud refuses hook URLs that resolve to internal addresses (loopback, private, link-local). Tests deliver
 * to 127.0.0.1, so the check is off unless a test turns it on to see the refusal.
 */
public final class CloudHookPolicy {

    private volatile boolean refuseInternalAddresses;

    /** Turns the internal-address check on or off. */
    public void refuseInternalAddresses(boolean refuse) {
        refuseInternalAddresses = refuse;
    }

    /** @return whether the URL is refused because it resolves to an internal address */
    boolean refuses(URI url) {
        if (!refuseInternalAddresses) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
