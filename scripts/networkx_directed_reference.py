#!/usr/bin/env python3
"""Writes networkx's values for the directed fixtures of Tests/PTCEKitTests/Fixtures/directed (issue 22).

Usage: python3 scripts/networkx_directed_reference.py   (needs networkx)

Reads each fixture's CSV files (not ptce's output) and writes reference.json beside them. Conventions checked:
every arc counts once, in and out alike; an actor's partners are the actors tied to it in either direction
(networkx's all_neighbors); a group's external ties are the arcs with exactly one end in it, whichever the direction;
a formal group's density is networkx's density of its members' directed subgraph; partner suggestions use the
undirected view (networkx's link prediction is defined on undirected graphs only); robustness removes by in + out
degree (by strength, in + out, when weighted) and measures the largest weakly connected component; with
recomputation, betweenness (networkx's, on the arcs) is computed again on what is left after each removal.
"""
import csv
import json
import os

import networkx as nx

ROOT = os.path.join(os.path.dirname(__file__), "..")
FIXTURES = os.path.join(ROOT, "Tests", "PTCEKitTests", "Fixtures", "directed")


def rows(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def family_of_kind():
    with open(os.path.join(ROOT, "Sources", "PTCEKit", "Resources", "taxonomy.json"), encoding="utf-8") as f:
        taxonomy = json.load(f)
    return {kind["id"]: kind["family"] for kind in taxonomy["kinds"]}


def reference(folder):
    families = family_of_kind()
    actors = rows(folder, "actors.csv")
    G = nx.DiGraph()
    for actor in actors:
        G.add_node(actor["id"], name=actor["name"], family=families[actor["kind"]])
    for tie in rows(folder, "ties.csv"):
        G.add_edge(tie["source"], tie["target"], weight=float(tie["weight"]))
    family = nx.get_node_attributes(G, "family")
    inside = sum(1 for u, v in G.edges() if family[u] == family[v])
    across = G.number_of_edges() - inside
    groups = {}
    for name in sorted(set(family.values())):
        internal = sum(1 for u, v in G.edges() if family[u] == name and family[v] == name)
        external = sum(1 for u, v in G.edges() if (family[u] == name) != (family[v] == name))
        groups[name] = {"internal_ties": internal, "external_ties": external,
                        "ei_index": (external - internal) / (internal + external) if internal + external else None}
    effective = nx.effective_size(G)
    constraint = nx.constraint(G)
    actor_rows = {}
    for v in G.nodes():
        partners = set(nx.all_neighbors(G, v))
        arcs = list(G.out_edges(v)) + list(G.in_edges(v))
        same = sum(1 for a, b in arcs if family[a] == family[b])
        actor_rows[v] = {"partners": len(partners), "distinct_families": len({family[w] for w in partners}),
                         "ei_index": (len(arcs) - 2 * same) / len(arcs) if arcs else None,
                         "effective_size": effective[v] if partners else None,
                         "constraint": constraint[v] if partners else None}
    members = [m["member"] for m in rows(folder, "memberships.csv")]
    sub = G.subgraph(members)
    formal = {"members": len(members), "internal_ties": sub.number_of_edges(),
              "external_ties": sum(1 for u, v in G.edges() if (u in members) != (v in members)),
              "density": nx.density(sub)}
    U = G.to_undirected()
    suggestions = sorted(((len(list(nx.common_neighbors(U, u, v))), u, v) for u, v in nx.non_edges(U)
                          if len(list(nx.common_neighbors(U, u, v))) > 0), key=lambda t: (-t[0], t[1], t[2]))
    names = nx.get_node_attributes(G, "name")
    degree = dict(G.degree())
    order = sorted(G.nodes(), key=lambda v: (-degree[v], names[v]))
    curve = []
    for k in range(len(order) + 1):
        H = G.copy()
        H.remove_nodes_from(order[:k])
        curve.append(max((len(c) for c in nx.weakly_connected_components(H)), default=0))
    adaptive = []
    H = G.copy()
    for _ in range(6):
        values = nx.betweenness_centrality(H)
        best = sorted(H.nodes(), key=lambda v: (-values[v], names[v]))[0]
        adaptive.append(best)
        H.remove_node(best)
    strength = dict(G.degree(weight="weight"))
    by_strength = sorted(G.nodes(), key=lambda v: (-strength[v], names[v]))
    strong = max(nx.strongly_connected_components(G), key=len)
    return {"undirected_clustering": nx.clustering(U), "undirected_core_number": nx.core_number(U),
            "undirected_transitivity": nx.transitivity(U),
            "weak_components": nx.number_weakly_connected_components(G),
            "strong_components": nx.number_strongly_connected_components(G), "largest_strong_component": len(strong),
            "strong_diameter": nx.diameter(G.subgraph(strong)) if len(strong) > 1 else None,
            "adaptive_betweenness_order": adaptive, "strength_order": by_strength,
            "ei_index": (across - inside) / (across + inside), "groups": groups, "actors": actor_rows, "formal_group": formal,
            "common_partners": {"|".join(sorted((u, v))): n for n, u, v in suggestions}, "degree_order": order, "degree_curve": curve,
            "is_dag": nx.is_directed_acyclic_graph(G)}


def main():
    for name in sorted(os.listdir(FIXTURES)):
        folder = os.path.join(FIXTURES, name)
        if not os.path.isdir(folder):
            continue
        with open(os.path.join(folder, "reference.json"), "w", encoding="utf-8") as f:
            json.dump(reference(folder), f, indent=1, sort_keys=True)
            f.write("\n")
        print("wrote", os.path.relpath(os.path.join(folder, "reference.json"), ROOT))


if __name__ == "__main__":
    main()
