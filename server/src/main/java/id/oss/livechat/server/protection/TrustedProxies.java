package id.oss.livechat.server.protection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies ({@code TRUSTED_PROXIES}, a comma-separated list of CIDR blocks or single addresses)
 * whose {@code X-Forwarded-For} is believed. Behind an ingress every citizen reaches us from the
 * ingress' address; the ingress names the citizen in {@code X-Forwarded-For}. A header from anyone
 * else is the client's own say-so and changes nothing, so nobody can pick the address our limits
 * count them under.
 */
public final class TrustedProxies {
    // literals only: InetAddress.getByName on a host name would ask the DNS, on the request path
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    /** More hops than any real chain of proxies: the rest of a longer header is not read. */
    static final int MAX_HOPS = 20;

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /**
     * Reads {@code 10.0.0.0/8, 192.168.1.5, fd00::/8}.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or a block
     */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        if (list != null) {
            for (String raw : list.split(",")) {
                String entry = raw.strip();
                if (!entry.isEmpty()) {
                    blocks.add(Block.parse(entry));
                }
            }
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client behind a request that reached us from {@code peer} with these {@code
     * X-Forwarded-For} values (each a comma-separated list, the nearest hop last): the peer itself
     * unless it is a trusted proxy; else, walking the list from the right, the first address that
     * is not a trusted proxy. An entry that is not an address literal ends the walk: what the proxy
     * nearest to it said is the best we know.
     */
    public InetAddress clientOf(InetAddress peer, List<String> forwardedFor) {
        if (peer == null || !trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peer;
        int seen = 0;
        for (int i = hops.size() - 1; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** An IPv4 or IPv6 literal (IPv6 possibly in brackets), never a name to look up. */
    static Optional<InetAddress> literal(String text) {
        String value = text;
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 45) {
            return Optional.empty();
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** One CIDR block: an address and how many of its leading bits must match. */
    private record Block(byte[] network, int prefix) {
        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed =
                    literal(address)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "TRUSTED_PROXIES: '"
                                                            + entry
                                                            + "' is not an IP address or a CIDR block"));
            byte[] bytes = parsed.getAddress();
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1).strip());
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException(
                            "TRUSTED_PROXIES: '" + entry + "' has an invalid prefix length");
                }
            }
            return new Block(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
