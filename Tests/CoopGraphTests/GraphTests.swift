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
