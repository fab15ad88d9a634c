import Testing
@testable import CoopGraph

struct GraphTests {
    @Test func builderMergesParallelEdgesAndDropsSelfLoops() {
        var builder = GraphBuilder(nodeCount: 4, weighted: true)
        builder.addEdge(0, 1, weight: 2)
        builder.addEdge(1, 0, weight: 3)
        builder.addEdge(2, 2, weight: 1)
        builder.addEdge(3, 1, weight: 0.5)
        let graph = builder.build()
        #expect(graph.edgeCount == 2)
        #expect(builder.droppedSelfLoops == 1)
        #expect(Array(graph.neighbors(of: 1)) == [0, 3])
        #expect(graph.incidentEdges(of: 1).map { graph.weights[Int($0)] } == [5, 0.5])
        #expect(graph.degree(of: 2) == 0)
    }

    @Test func neighborRowsAreSortedWhateverTheInsertionOrder() {
        var builder = GraphBuilder(nodeCount: 5)
        for (u, v) in [(4, 0), (0, 2), (3, 0), (0, 1)] { builder.addEdge(u, v) }
        let graph = builder.build()
        #expect(Array(graph.neighbors(of: 0)) == [1, 2, 3, 4])
        #expect(Array(graph.neighbors(of: 4)) == [0])
    }

    @Test func directedGraphKeepsInAndOutLists() {
        var builder = GraphBuilder(nodeCount: 3, directed: true)
        builder.addEdge(0, 1)
        builder.addEdge(2, 1)
        builder.addEdge(1, 0)
        let graph = builder.build()
        #expect(graph.edgeCount == 3)
        #expect(Array(graph.neighbors(of: 1)) == [0])
        #expect(Array(graph.predecessors(of: 1)) == [0, 2])
        #expect(graph.undirected().edgeCount == 2)
    }

    @Test func componentsAndDensityMatchNetworkx() {
        // networkx: G = nx.Graph([(0,1),(1,2),(3,4)]); G.add_node(5)
        // nx.density(G) == 0.2; [len(c) for c in nx.connected_components(G)] == [3, 2, 1]
        var builder = GraphBuilder(nodeCount: 6)
        for (u, v) in [(0, 1), (1, 2), (3, 4)] { builder.addEdge(u, v) }
        let graph = builder.build()
        #expect(graph.density == 0.2)
        let (labels, sizes) = connectedComponents(graph)
        #expect(sizes == [3, 2, 1])
        #expect(labels == [0, 0, 0, 1, 1, 2])
    }
}

struct RemovalCurveTests {
    @Test func curveMatchesComponentSearchAfterEachRemoval() {
        let graph = RandomGraphs.barabasiAlbert(nodes: 300, attach: 2, seed: 4)
        let order = Array(betweenness(graph).enumerated().sorted { ($0.element, -$0.offset) > ($1.element, -$1.offset) }.map(\.offset).prefix(40))
        let curve = removalCurve(graph, order: order)
        for k in [0, 1, 5, 20, 40] {
            var keep = [Bool](repeating: true, count: graph.nodeCount)
            for v in order.prefix(k) { keep[v] = false }
            let (sub, _) = graph.induced(by: keep)
            #expect(curve[k] == (connectedComponents(sub).sizes.max() ?? 0), "k = \(k)")
        }
        #expect(curve[0] == 300)
    }

    @Test func starFallsApartWithItsCentre() {
        var builder = GraphBuilder(nodeCount: 5)
        for leaf in 1..<5 { builder.addEdge(0, leaf) }
        #expect(removalCurve(builder.build(), order: [0, 1]) == [5, 1, 1])
    }
}

/// Brokerage roles on small graphs worked by hand.
struct BrokerageRolesTests {
    @Test func directedRolesWorkedByHand() {
        // b = 1 in group A (label 0). Two-paths through 1: 0→1→2, 0→1→3, 4→1→2, 4→1→3, none closed.
        // Groups: 0 A, 1 A, 2 A, 3 B, 4 B.
        // 0→1→2: A A A coordinator; 0→1→3: A A B representative; 4→1→2: B A A gatekeeper; 4→1→3: B A B itinerant.
        var builder = GraphBuilder(nodeCount: 5, directed: true)
        for (u, v) in [(0, 1), (4, 1), (1, 2), (1, 3)] { builder.addEdge(u, v) }
        let roles = BrokerageRoles(builder.build(), labels: [0, 0, 0, 1, 1])
        #expect(roles.counts[1] == [.coordinator: 1, .representative: 1, .gatekeeper: 1, .itinerant: 1, .liaison: 0])
        #expect(roles.counts[0].values.reduce(0, +) == 0)
    }

    @Test func closedPathsAreNotBrokerage() {
        // 0→1→2 with 0→2: closed, so no brokerage.
        var builder = GraphBuilder(nodeCount: 3, directed: true)
        for (u, v) in [(0, 1), (1, 2), (0, 2)] { builder.addEdge(u, v) }
        #expect(BrokerageRoles(builder.build(), labels: [0, 1, 2]).counts[1][.liaison] == 0)
    }

    @Test func liaisonAndUndirectedReduction() {
        // Star centred on 0 (group 0) with leaves in groups 1, 1, 2: pairs {1,2} itinerant (both group 1),
        // {1,3} and {2,3} liaison.
        var builder = GraphBuilder(nodeCount: 4)
        for leaf in 1..<4 { builder.addEdge(0, leaf) }
        let roles = BrokerageRoles(builder.build(), labels: [0, 1, 1, 2])
        #expect(roles.counts[0] == [.coordinator: 0, .itinerant: 1, .liaison: 2, .boundarySpanner: 0])
        // Expectation for the centre: 3 pairs from the 3 others (group sizes 2 and 1 besides its own, which has no
        // other member): itinerant probability 2·1 / (3·2) = 1/3 → expected 1, observed 1.
        #expect(roles.normalized[0][.itinerant]! == 1)
        // Boundary spanner: a leaf of the centre's group.
        var second = GraphBuilder(nodeCount: 3)
        second.addEdge(0, 1)
        second.addEdge(0, 2)
        #expect(BrokerageRoles(second.build(), labels: [0, 0, 1]).counts[0][.boundarySpanner] == 1)
    }
}
