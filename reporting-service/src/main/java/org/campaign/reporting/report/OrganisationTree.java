package org.campaign.reporting.report;

import org.bson.Document;
import org.campaign.reporting.projection.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The roster tree as projected: organisations by id with their parents and children. Organisation figures roll up
 * along this tree as it is now — a township's figures are the sum over its subtree, so a village that moved to
 * another township takes its history with it. Deregistered organisations keep their place and their history (their
 * figures still count in the subtrees above them) but are not counted among the organisations a coverage is measured
 * against, nor listed as rows of their own ({@link #activeChildren}, {@link #deregistered}).
 * <p>
 * An organisation's township is its own id when it heads one (a township or department committee), and otherwise
 * its parent's, as the roster keeps it: an organisation that moved takes its subtree into its new township, although
 * only the moved organisation's own event names it.
 */
public final class OrganisationTree {

    /** One organisation. */
    public record Node(String id, String name, String kind, String sector, String parentId, String townshipId,
                       String agencyId, boolean active, List<String> children) {
    }

    private final Map<String, Node> nodes;

    private OrganisationTree(Map<String, Node> nodes) {
        this.nodes = nodes;
    }

    public static OrganisationTree of(List<Document> facts) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        facts.stream().sorted(Comparator.comparing(f -> String.valueOf(f.get("organisationId")))).forEach(fact -> {
            String id = fact.getString("organisationId");
            if (id != null) {
                nodes.put(id, new Node(id, fact.getString("name"), fact.getString("kind"), fact.getString("sector"),
                        fact.getString("parentId"), fact.getString("townshipId"), fact.getString("agencyId"),
                        Values.flag(fact, "active"), new ArrayList<>()));
            }
        });
        nodes.values().forEach(node -> {
            Node parent = node.parentId() == null ? null : nodes.get(node.parentId());
            if (parent != null) {
                parent.children().add(node.id());
            }
        });
        OrganisationTree tree = new OrganisationTree(nodes);
        tree.roots().forEach(tree::placeInTownships);
        return tree;
    }

    /**
     * Gives a root and its subtree their townships, top-down: a node heads its own or takes its parent's (a root keeps
     * the one it was registered with).
     */
    private void placeInTownships(Node root) {
        List<Map.Entry<String, String>> pending = new ArrayList<>(List.of(Map.entry(root.id(), root.townshipId())));
        while (!pending.isEmpty()) {
            Map.Entry<String, String> next = pending.remove(pending.size() - 1);
            Node node = nodes.get(next.getKey());
            String township = node.id().equals(node.townshipId()) ? node.id() : next.getValue();
            if (!Objects.equals(township, node.townshipId())) {
                node = new Node(node.id(), node.name(), node.kind(), node.sector(), node.parentId(), township,
                        node.agencyId(), node.active(), node.children());
                nodes.put(node.id(), node);
            }
            for (String child : node.children()) {
                pending.add(Map.entry(child, township));
            }
        }
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    public java.util.Collection<Node> nodes() {
        return nodes.values();
    }

    /** The organisations without a known parent. */
    public List<Node> roots() {
        return nodes.values().stream().filter(n -> n.parentId() == null || !nodes.containsKey(n.parentId())).toList();
    }

    /**
     * The organisations directly below {@code parentId} (the top-level ones when it is {@code null}) that are not
     * deregistered, by id; none when the tree does not hold {@code parentId}.
     */
    public List<Node> activeChildren(String parentId) {
        List<Node> children = parentId == null ? roots()
                : nodes.containsKey(parentId) ? nodes.get(parentId).children().stream().map(nodes::get).toList()
                : List.of();
        return children.stream().filter(Node::active).sorted(Comparator.comparing(Node::id)).toList();
    }

    /** Whether the tree holds the organisation as deregistered: no report lists it as a row of its own. */
    public boolean deregistered(String id) {
        Node node = nodes.get(id);
        return node != null && !node.active();
    }

    /** Whether the organisation heads a township (or department) of its own. */
    public boolean headsTownship(String id) {
        Node node = nodes.get(id);
        return node != null && id.equals(node.townshipId());
    }

    /** The node and everything below it. */
    public Set<String> subtree(String id) {
        Set<String> result = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(id));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            Node node = nodes.get(next);
            if (node != null && result.add(next)) {
                pending.addAll(node.children());
            }
        }
        return result;
    }

    /** Ids from the top of the tree down to the node itself. */
    public List<String> path(String id) {
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = id;
        while (current != null && nodes.containsKey(current) && seen.add(current)) {
            path.add(0, current);
            current = nodes.get(current).parentId();
        }
        return path;
    }

    public String name(String id) {
        Node node = nodes.get(id);
        return node == null ? null : node.name();
    }
}
