#!/usr/bin/env python3
"""Writes networkx reference values for the CoopGraph tests.

Usage: python3 scripts/networkx_reference.py   (needs networkx, numpy and scikit-learn; the tests themselves do not need Python)

Each graph is relabelled 0..n-1 in sorted order of its original labels and written to
Tests/CoopGraphTests/Fixtures/reference/NAME.json with its edge list and every measure, value per node index.
Iterative measures are run here to a far tighter tolerance than networkx's default, so the Swift tests can compare
at 1e-9.
"""
import json
import os
from fractions import Fraction
import random
import sys

import networkx as nx
import numpy

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "CoopGraphTests", "Fixtures", "reference")


def graphs():
    yield "karate", nx.karate_club_graph(), False  # weights of the club graph are ignored (unweighted)
    yield "florentine", nx.florentine_families_graph(), False
    yield "barabasi_albert", nx.barabasi_albert_graph(200, 3, seed=1), False
    yield "watts_strogatz", nx.connected_watts_strogatz_graph(120, 6, 0.1, seed=2), False
    sbm = nx.stochastic_block_model([30, 25, 20, 25], [[0.3, 0.02, 0.01, 0.02], [0.02, 0.35, 0.02, 0.01],
                                                      [0.01, 0.02, 0.4, 0.03], [0.02, 0.01, 0.03, 0.3]], seed=3)
    rng = random.Random(4)
    for u, v in sbm.edges():
        sbm[u][v]["weight"] = round(rng.uniform(0.5, 5.0), 3)
    yield "weighted_sbm", nx.Graph(sbm), True
    disconnected = nx.Graph()
    disconnected.add_nodes_from(range(12))
    disconnected.add_edges_from([(0, 1), (1, 2), (2, 0), (2, 3), (4, 5), (5, 6), (6, 7), (7, 4), (4, 6), (8, 9)])
    yield "disconnected", disconnected, False  # nodes 10 and 11 are isolated
    directed = nx.gnp_random_graph(60, 0.06, seed=5, directed=True)
    yield "directed_gnp", directed, False
    yield "coorace_combined", coorace_combined(), True


def coorace_combined():
    """The real COORACE network, combined view (ties + co-membership of GES/PTCE), rebuilt here from the CSV files
    independently of ptce: nodes are actors in actors.csv order; an edge's weight is the sum of its tie weights plus
    the number of GES/PTCE both actors belong to (directly or through a member group)."""
    import csv
    folder = os.path.join(os.path.dirname(__file__), "..", "Datasets", "coorace")
    def rows(name):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            return list(csv.DictReader(f, delimiter=";"))
    actors = [r["id"] for r in rows("actors.csv")]
    index = {a: i for i, a in enumerate(actors)}
    groups = {r["id"]: r["kind"] for r in rows("groups.csv")}
    members = {}
    for r in rows("memberships.csv"):
        members.setdefault(r["group"], []).append(r["member"])
    g = nx.Graph()
    g.add_nodes_from(range(len(actors)))
    def add(u, v, w):
        if u == v:
            return
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)
    for r in rows("ties.csv"):
        add(index[r["source"]], index[r["target"]], float(r["weight"] or 1))
    for group, kind in groups.items():
        if kind not in ("ges", "ptce"):
            continue
        found, stack, seen = set(), [group], {group}
        while stack:
            for m in members.get(stack.pop(), []):
                if m in groups:
                    if m not in seen:
                        seen.add(m)
                        stack.append(m)
                else:
                    found.add(index[m])
        found = sorted(found)
        for i, u in enumerate(found):
            for v in found[i + 1:]:
                add(u, v, 1.0)
    return g


def measures(g, weighted):
    n = g.number_of_nodes()
    nodes = range(n)
    w = "weight" if weighted else None
    inv = None
    if weighted:
        for u, v, d in g.edges(data=True):
            d["inverse"] = 1.0 / d["weight"]
        inv = "inverse"
    m = {
        "degree": [g.degree(v) for v in nodes],
        "degree_centrality": [nx.degree_centrality(g)[v] for v in nodes],
        "strength": [g.degree(v, weight="weight") for v in nodes] if weighted else [float(g.degree(v)) for v in nodes],
        "betweenness": _list(nx.betweenness_centrality(g), n),
        "betweenness_raw": _list(nx.betweenness_centrality(g, normalized=False), n),
        "betweenness_endpoints": _list(nx.betweenness_centrality(g, endpoints=True), n),
        "closeness": _list(nx.closeness_centrality(g), n),
        "closeness_per_component": _list(nx.closeness_centrality(g, wf_improved=False), n),
        "harmonic": _list(nx.harmonic_centrality(g), n),
        "pagerank": _list(nx.pagerank(g, alpha=0.85, tol=1e-15, max_iter=100000, weight=w), n),
        "clustering": _list(nx.clustering(g), n),
        "core_number": _list(nx.core_number(g), n) if not g.is_directed() else None,
    }
    if weighted:
        # Betweenness counts the shortest paths, so it depends on which path lengths are equal: lengths here are exact
        # fractions (the weight's exact value, and its exact reciprocal), the arithmetic ptce's tie rule reproduces
        # (docs/conventions.md, "When two path lengths are equal"); float sums would count false ties and miss true
        # ones (1/2 + 1/2 against 1, 10 × 0.1 against 1).
        for u, v, d in g.edges(data=True):
            d["exact"] = Fraction(d["weight"])
            d["exact_inverse"] = 1 / Fraction(d["weight"])
        m["betweenness_weight_as_distance"] = _list(nx.betweenness_centrality(g, weight="exact"), n)
        m["betweenness_weight_as_strength"] = _list(nx.betweenness_centrality(g, weight="exact_inverse"), n)
        m["closeness_weight_as_distance"] = _list(nx.closeness_centrality(g, distance="weight"), n)
        m["harmonic_weight_as_strength"] = _list(nx.harmonic_centrality(g, distance=inv), n)
    # Katz: networkx's default alpha = 0.1 diverges when 0.1 >= 1/lambda_max; use half the bound then.
    lam = max(abs(numpy.linalg.eigvals(nx.to_numpy_array(g, weight=w))))
    alpha = min(0.1, 0.5 / lam) if lam > 0 else 0.1
    m["katz"] = _list(nx.katz_centrality(g, alpha=alpha, beta=1.0, max_iter=100000, tol=1e-15, weight=w), n)
    # HITS is the principal singular vector pair of A: when the two largest singular values are equal (two parts of a
    # disconnected graph with the same dominant structure, such as two 7-cliques), it has no unique answer and
    # networkx's SVD returns one of many; no reference is written then (ptce says so in a note).
    singular = numpy.linalg.svd(nx.to_numpy_array(g, weight=w), compute_uv=False)
    if len(singular) < 2 or singular[1] < singular[0] * (1 - 1e-9):
        hubs, authorities = nx.hits(g, max_iter=100000, tol=1e-15)
        m["hits_hubs"] = _list(hubs, n)
        m["hits_authorities"] = _list(authorities, n)
    # Structural holes (networkx returns nan for isolated nodes: written as null).
    def nulls(d):
        return [None if (isinstance(x, float) and x != x) else x for x in (d[v] for v in range(n))]
    m["constraint"] = nulls(nx.constraint(g))
    # networkx 3.6's default (scipy) path of effective_size disagrees with its own per-node path, which follows the
    # documented formula, on directed and on weighted graphs (directed_gnp node 15: 9.1667 vs 9.0833; weighted_sbm
    # node 0: 7.2136 vs 7.2384). The per-node path (nodes=list(g)) is the reference there.
    m["effective_size"] = nulls(nx.effective_size(g, nodes=list(g)) if g.is_directed() else nx.effective_size(g))
    if weighted:
        m["constraint_weighted"] = nulls(nx.constraint(g, weight="weight"))
        m["effective_size_weighted"] = nulls(nx.effective_size(g, nodes=list(g), weight="weight"))
    # Mixing by a fixed partition: node index modulo 3.
    nx.set_node_attributes(g, {v: v % 3 for v in g}, "part")
    m["partition"] = [v % 3 for v in range(n)]
    eb = nx.edge_betweenness_centrality(g)
    m["edge_betweenness"] = [eb[(u, v)] if (u, v) in eb else eb[(v, u)] for u, v in g.edges()]
    connected = nx.is_connected(g) if not g.is_directed() else nx.is_strongly_connected(g)
    if connected:
        m["eigenvector"] = _list(nx.eigenvector_centrality(g, max_iter=100000, tol=1e-15, weight=w), n)
    und = g.to_undirected() if g.is_directed() else g
    assortativity = nx.attribute_assortativity_coefficient(g, "part")
    top_pairs = sorted(nx.adamic_adar_index(und), key=lambda t: (-t[2], t[0], t[1]))[:10] if not g.is_directed() else []
    art = sorted(nx.articulation_points(und))
    edge_index = {frozenset((u, v)): i for i, (u, v) in enumerate(und.edges())}
    bridges = sorted(edge_index[frozenset(e)] for e in nx.bridges(und))
    comps = nx.strongly_connected_components(g) if g.is_directed() else nx.connected_components(g)
    largest = g.subgraph(max(comps, key=len)).copy()
    graph_level = {
        "katz_alpha": alpha,
        "assortativity_mod3": assortativity,
        "adamic_adar_top": [[min(u, v), max(u, v), s] for u, v, s in top_pairs],
        "articulation_points": art,
        "bridges": bridges,
        "strong_component_sizes": sorted((len(c) for c in (nx.strongly_connected_components(g) if g.is_directed() else nx.connected_components(g))), reverse=True),
        "largest_component_size": largest.number_of_nodes(),
        "diameter": nx.diameter(largest),
        "radius": nx.radius(largest),
        "average_shortest_path_length": nx.average_shortest_path_length(largest),
        "density": nx.density(g),
        "transitivity": nx.transitivity(g) if not g.is_directed() else nx.transitivity(g.to_undirected()),
        "average_clustering": nx.average_clustering(g) if not g.is_directed() else None,
    }
    if weighted:
        graph_level["average_shortest_path_length_weight_as_strength"] = nx.average_shortest_path_length(largest, weight="inverse")
    if n >= 3:
        # Freeman (1979) centralisation, with the star's sums as maxima (as igraph's centralization(normalized=True)).
        def freeman(values, maximum):
            top = max(values)
            return sum(top - x for x in values) / maximum
        graph_level["degree_centralization"] = freeman(m["degree_centrality"], n - 2)
        graph_level["betweenness_centralization"] = freeman(m["betweenness"], n - 1)
        graph_level["closeness_centralization"] = freeman(m["closeness"], (n - 1) * (n - 2) / (2 * n - 3))
    graph_level["communities"] = communities(g, w)
    return {k: v for k, v in m.items() if v is not None}, {k: v for k, v in graph_level.items() if v is not None}


def communities(g, w):
    """Modularity of given partitions (networkx), networkx's Louvain (seed 1) and the agreement (scikit-learn's NMI,
    arithmetic normalisation, and adjusted Rand) between the index-mod-3 partition and Louvain's."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
    n = g.number_of_nodes()
    mod3 = [set(v for v in g if v % 3 == k) for k in range(3)]
    out = {
        "modularity_mod3": nx.community.modularity(g, mod3, weight=w),
        "modularity_mod3_resolution_half": nx.community.modularity(g, mod3, weight=w, resolution=0.5),
    }
    if not g.is_directed():
        louvain = nx.community.louvain_communities(g, weight=w, seed=1)
        labels = [0] * n
        for k, block in enumerate(louvain):
            for v in block:
                labels[v] = k
        out["louvain_labels"] = labels
        out["louvain_modularity"] = nx.community.modularity(g, louvain, weight=w)
        out["louvain_modularity_resolution_half"] = nx.community.modularity(g, louvain, weight=w, resolution=0.5)
        out["nmi_mod3_louvain"] = normalized_mutual_info_score([v % 3 for v in range(n)], labels)
        out["ari_mod3_louvain"] = adjusted_rand_score([v % 3 for v in range(n)], labels)
    return out


def _list(d, n):
    return [d[v] for v in range(n)]


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, g, weighted in graphs():
        if name != "coorace_combined":
            g = nx.convert_node_labels_to_integers(g, ordering="sorted")
        if not weighted:
            for _, _, d in g.edges(data=True):
                d.pop("weight", None)
        per_node, graph_level = measures(g, weighted)
        doc = {
            "name": name,
            "generator": f"networkx {nx.__version__}, scripts/networkx_reference.py",
            "directed": g.is_directed(),
            "weighted": weighted,
            "nodes": g.number_of_nodes(),
            "edges": [[u, v, d.get("weight", 1)] for u, v, d in g.edges(data=True)],
            "measures": per_node,
            "graph": dict(graph_level, hits_unique="hits_hubs" in per_node),
        }
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(doc, f, indent=0)
        print(name, g.number_of_nodes(), g.number_of_edges(), file=sys.stderr)


if __name__ == "__main__":
    main()
