import CGraphviz
import Foundation

/// A cgraph ID discipline that numbers named objects in creation order.
///
/// cgraph's default discipline uses the address of an object's interned name as its ID, and keeps subgraphs in
/// ID order; so the order in which clusters are written to SVG followed `malloc`, and two renderings of the same
/// DOT in one process could differ. Here a name's ID is 2 × (its rank of first appearance) (even, as cgraph
/// expects for named objects) and anonymous objects get odd IDs from a counter: the order depends on the DOT
/// text only. Used under `GraphvizRenderer`'s lock (the state is global, like cgraph's).
///
/// The names handed back to cgraph are its own reference-counted strings (`agstrdup` in the graph being read), as
/// with the default discipline: cgraph reads a flag in the header it puts before each of its strings
/// (`aghtmlstr`), so a name from `strdup` had that flag read from whatever lay before it in the heap, and a node
/// was written back as `<a2250>` (an HTML-like name) or `a2250` at random between the layout and the drawing.
enum OrderedIDDiscipline {
    /// One root graph's names and counters: made by `open`, released by `close` (at `agclose`).
    final class State {
        var ids: [String: UInt64] = [:]
        /// Interned in `graph` (freed by `agclose` with the graph's strings).
        var names: [UInt64: UnsafeMutablePointer<CChar>] = [:]
        var anonymous: UInt64 = 1
        let graph: UnsafeMutablePointer<Agraph_t>?

        init(graph: UnsafeMutablePointer<Agraph_t>?) { self.graph = graph }
    }

    /// Makes this discipline and `ArenaMemoryDiscipline` cgraph's defaults (`AgIdDisc`, `AgMemDisc`), so that the
    /// graphs Graphviz builds for itself — fdp's derived graphs of clusters and ports, opened without a discipline
    /// — number and place their objects in creation order too. Call under `Graphviz.session`, before any graph is
    /// opened.
    static func installAsDefaults() {
        // The variables are reached by their symbols: Swift 6 refuses a direct write to a C global.
        let process = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
        dlsym(process, "AgIdDisc")?.assumingMemoryBound(to: Agiddisc_t.self).pointee = discipline
        dlsym(process, "AgMemDisc")?.assumingMemoryBound(to: Agmemdisc_t.self).pointee = ArenaMemoryDiscipline.discipline
    }

    /// Reads DOT text into a graph with this discipline (what `agmemread` does, with another ID discipline).
    /// The returned cleanup must run after `agclose`.
    static func read(_ dot: String) -> (graph: UnsafeMutablePointer<Agraph_t>?, cleanup: () -> Void) {
        let idDisc = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        idDisc.initialize(to: discipline)
        let memDisc = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        memDisc.initialize(to: ArenaMemoryDiscipline.discipline)
        let ioDisc = ioDiscipline()
        let reader = Reader(dot)
        let disc = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        disc.initialize(to: Agdisc_t(mem: memDisc, id: idDisc, io: ioDisc))
        let channel = Unmanaged.passRetained(reader).toOpaque()
        let graph = agread(channel, disc)
        let cleanup = {
            Unmanaged<Reader>.fromOpaque(channel).release()
            disc.deallocate()
            memDisc.deallocate()
            ioDisc.deallocate()
            idDisc.deallocate()
        }
        return (graph, cleanup)
    }

    /// IDs in order of creation (2, 4, 6…; odd ids for anonymous objects), names kept for `print`.
    private static let discipline = Agiddisc_t(
        open: { graph, _ in Unmanaged.passRetained(State(graph: graph)).toOpaque() },
        map: { statePointer, _, name, id, create in
            guard let statePointer, let id else { return 0 }
            let state = Unmanaged<State>.fromOpaque(statePointer).takeUnretainedValue()
            guard let name else {
                id.pointee = IDTYPE(state.anonymous)
                state.anonymous += 2
                return 1
            }
            let key = String(cString: name)
            if let existing = state.ids[key] {
                id.pointee = IDTYPE(existing)
            } else if create != 0, let interned = agstrdup(state.graph, name) {
                let value = UInt64(2 * (state.ids.count + 1))
                state.ids[key] = value
                state.names[value] = interned
                id.pointee = IDTYPE(value)
            } else {
                id.pointee = 0
            }
            return 1
        },
        alloc: { _, _, _ in 0 },
        free: { _, _, _ in },
        print: { statePointer, _, id in
            guard let statePointer, id % 2 == 0 else { return nil }
            let state = Unmanaged<State>.fromOpaque(statePointer).takeUnretainedValue()
            return state.names[UInt64(id)]
        },
        close: { statePointer in
            if let statePointer { Unmanaged<State>.fromOpaque(statePointer).release() }
        },
        idregister: { _, _, _ in })

    /// The DOT text and how far the parser has read it (the channel of `ioDiscipline`).
    private final class Reader {
        let bytes: [CChar]
        var position = 0
        init(_ text: String) { bytes = Array(text.utf8CString.dropLast()) }
    }

    /// Hands the DOT text to the parser one line at a time, as cgraph's own memory reader does.
    private static func ioDiscipline() -> UnsafeMutablePointer<Agiodisc_t> {
        let ioDisc = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        ioDisc.initialize(to: Agiodisc_t(
            afread: { channel, buffer, size in
                guard let channel, let buffer, size > 0 else { return 0 }
                let reader = Unmanaged<Reader>.fromOpaque(channel).takeUnretainedValue()
                var count = 0
                while count < Int(size) - 1 && reader.position < reader.bytes.count {
                    let byte = reader.bytes[reader.position]
                    buffer[count] = byte
                    count += 1
                    reader.position += 1
                    if byte == 0x0A { break }
                }
                buffer[count] = 0
                return Int32(count)
            },
            putstr: { _, _ in 0 },  // never called: the graph is read, not written, through this discipline
            flush: { _ in 0 }))
        return ioDisc
    }
}
