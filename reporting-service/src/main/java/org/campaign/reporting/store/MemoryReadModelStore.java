package org.campaign.reporting.store;

import org.bson.Document;
import org.campaign.reporting.projection.CounterFamily;
import org.campaign.reporting.projection.CounterKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read models held in memory, for figures folded from the event log as they stood at a past instant. The events it
 * is fed are distinct (the event log keeps each once) and in order per aggregate, so it needs no offset guards.
 */
public class MemoryReadModelStore implements ReadModelStore {

    private final String generation;
    private final Map<CounterKey, Map<String, Long>> counters = new HashMap<>();
    private final Map<String, Set<String>> sets = new HashMap<>();
    private final Map<String, Map<String, Document>> facts = new HashMap<>();

    public MemoryReadModelStore(String generation) {
        this.generation = generation;
    }

    @Override
    public String generation() {
        return generation;
    }

    @Override
    public Map<String, Document> loadFacts(String kind, Collection<String> ids) {
        Map<String, Document> byId = facts.getOrDefault(kind, Map.of());
        Map<String, Document> found = new HashMap<>();
        for (String id : ids) {
            Document fact = byId.get(id);
            if (fact != null) {
                found.put(id, new Document(fact));
            }
        }
        return found;
    }

    @Override
    public void write(BatchChanges changes) {
        changes.counters().forEach(delta -> delta.keys().forEach(key -> counters
                .computeIfAbsent(key, k -> new HashMap<>()).merge(delta.field(), delta.delta(), Long::sum)));
        changes.sets().forEach(addition -> sets.computeIfAbsent(
                        MongoReadModelStore.setId(addition.scope(), addition.kind(), addition.key()),
                        id -> new LinkedHashSet<>())
                .add(addition.member()));
        changes.facts().forEach((kind, byId) -> byId.forEach((id, fact) -> {
            Map<String, Document> ofKind = facts.computeIfAbsent(kind, k -> new HashMap<>());
            Document current = ofKind.get(id);
            long sequence = ((Number) fact.get(MongoReadModelStore.LAST_SEQUENCE)).longValue();
            if (current == null
                    || ((Number) current.get(MongoReadModelStore.LAST_SEQUENCE)).longValue() < sequence) {
                Document stored = new Document(fact);
                stored.put("_id", id);
                ofKind.put(id, stored);
            }
        }));
    }

    @Override
    public Map<String, Map<String, Map<String, Long>>> counters(CounterFamily family, String scope) {
        Map<String, Map<String, Map<String, Long>>> totals = new LinkedHashMap<>();
        counters.forEach((key, fields) -> {
            if (key.scope().equals(scope) && key.family() == family) {
                Map<String, Long> target = totals.computeIfAbsent(key.dimension(), d -> new LinkedHashMap<>())
                        .computeIfAbsent(key.key(), k -> new HashMap<>());
                fields.forEach((field, value) -> target.merge(field, value, Long::sum));
            }
        });
        return totals;
    }

    @Override
    public Document fact(String kind, String id) {
        Document fact = facts.getOrDefault(kind, Map.of()).get(id);
        return fact == null ? null : new Document(fact);
    }

    @Override
    public List<Document> facts(String kind) {
        return new ArrayList<>(facts.getOrDefault(kind, Map.of()).values());
    }

    @Override
    public Map<String, Long> setSizes(String scope, String kind) {
        String prefix = MongoReadModelStore.escape(scope) + '|' + MongoReadModelStore.escape(kind) + '|';
        Map<String, Long> sizes = new LinkedHashMap<>();
        sets.forEach((id, members) -> {
            if (id.startsWith(prefix)) {
                sizes.put(unescape(id.substring(prefix.length())), (long) members.size());
            }
        });
        return sizes;
    }

    @Override
    public List<String> setMembers(String scope, String kind, String key) {
        return List.copyOf(sets.getOrDefault(MongoReadModelStore.setId(scope, kind, key), Set.of()));
    }

    private static String unescape(String part) {
        return part.replace("%7C", "|").replace("%25", "%");
    }
}
