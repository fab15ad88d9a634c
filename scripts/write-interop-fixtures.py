#!/usr/bin/env python3
"""Writes the interchange fixtures of Tests/PTCEKitTests/Fixtures/interop/ with networkx and igraph themselves, so the
tests read files that real clients wrote.

Usage: python3 scripts/write-interop-fixtures.py   (needs networkx and python-igraph; run once, outputs committed)

The graph: 5 organisations (names with accents, quotes and '&'), typed attributes (string, int, float, bool), weighted
edges, one edge with dates as attributes, for networkx; the same for igraph's GraphML and Pajek writers.
"""
import json
import os

import igraph
import networkx as nx

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "PTCEKitTests", "Fixtures", "interop")


def build():
    g = nx.Graph(name="Fixture: written by networkx")
    g.add_node("aci-1", label="Chantier « Les Jardins » & Cie", kind="aci", employees=12, fte=10.5, certified=True)
    g.add_node("ei-2", label='Entreprise "Réemploi"', kind="ei", employees=30, fte=27.25, certified=False)
    g.add_node("commune-3", label="Commune de Saint-Étienne", kind="commune", employees=0, fte=0.0, certified=False)
    g.add_node("bank-4", label="Banque coopérative", kind="bank", employees=1200, fte=1150.5, certified=True)
    g.add_node("asso-5", label="Association Ωmega", kind="association", employees=3, fte=2.5, certified=False)
    g.add_edge("aci-1", "ei-2", weight=2.5, type="pooling")
    g.add_edge("aci-1", "commune-3", weight=1.0, type="agreement")
    g.add_edge("ei-2", "bank-4", weight=3.0, type="financing")
    g.add_edge("commune-3", "asso-5", weight=0.125, type="support")
    return g


def write_gdf(g, path):
    """GDF as Gephi's exporter writes it (ExporterGDF: typed column definitions, text in single quotes)."""
    def text(value):
        return "'" + str(value).replace("'", "\\'") + "'"
    lines = ["nodedef>name VARCHAR,label VARCHAR,kind VARCHAR,employees INTEGER,fte DOUBLE,certified BOOLEAN"]
    for n, d in g.nodes(data=True):
        lines.append(",".join([n, text(d["label"]), d["kind"], str(d["employees"]), repr(d["fte"]), "true" if d["certified"] else "false"]))
    lines.append("edgedef>node1 VARCHAR,node2 VARCHAR,directed BOOLEAN,weight DOUBLE,type VARCHAR")
    for u, v, d in g.edges(data=True):
        lines.append(",".join([u, v, "false", repr(d["weight"]), d["type"]]))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_dl(g, matrix_path, edgelist_path):
    """UCINET DL as UCINET's manual shows it: a full matrix with labels, and an edge list with embedded labels."""
    nodes = list(g.nodes())
    with open(matrix_path, "w", encoding="utf-8") as f:
        f.write("DL N=%d\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLABELS:\n%s\nDATA:\n" % (len(nodes), ",".join(nodes)))
        for u in nodes:
            f.write(" ".join(repr(g[u][v]["weight"]) if g.has_edge(u, v) else "0" for v in nodes) + "\n")
    with open(edgelist_path, "w", encoding="utf-8") as f:
        f.write("dl n=%d format=edgelist1\nlabels embedded:\ndata:\n" % len(nodes))
        for u, v, d in g.edges(data=True):
            f.write("%s %s %s\n" % (u, v, repr(d["weight"])))


def main():
    os.makedirs(OUT, exist_ok=True)
    g = build()
    nx.write_graphml(g, os.path.join(OUT, "networkx.graphml"))
    nx.write_gexf(g, os.path.join(OUT, "networkx.gexf"))
    with open(os.path.join(OUT, "networkx-node-link.json"), "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(g, edges="edges"), f, ensure_ascii=False, indent=1)
    # D3's spelling: "links".
    with open(os.path.join(OUT, "d3-links.json"), "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(g, edges="links"), f, ensure_ascii=False, indent=1)
    h = igraph.Graph.from_networkx(g)
    h.vs["name"] = h.vs["_nx_name"]
    del h.vs["_nx_name"]
    h.write_graphml(os.path.join(OUT, "igraph.graphml"))
    h.write_pajek(os.path.join(OUT, "igraph.net"))
    # GML: networkx writes the node key as `label` (the organisation's name moves to `name`); igraph its own dialect.
    m = nx.relabel_nodes(g, {n: n for n in g})
    for n, data in m.nodes(data=True):
        data["name"] = data.pop("label")
    nx.write_gml(m, os.path.join(OUT, "networkx.gml"))
    h.write_gml(os.path.join(OUT, "igraph.gml"))
    write_gdf(g, os.path.join(OUT, "gephi-style.gdf"))
    write_dl(g, os.path.join(OUT, "ucinet-fullmatrix.dl"), os.path.join(OUT, "ucinet-edgelist1.dl"))
    print("networkx", nx.__version__, "igraph", igraph.__version__)


if __name__ == "__main__":
    main()
