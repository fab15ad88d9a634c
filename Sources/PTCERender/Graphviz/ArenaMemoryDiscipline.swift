import CGraphviz
import Foundation

/// A cgraph memory discipline whose addresses follow the order of allocation: each root graph allocates from its
/// own arena (zeroed pages taken from the system 1 MiB at a time), frees nothing until the graph is closed, and hands
/// out blocks one after the other.
///
/// Graphviz 2.42's fdp orders objects of its graphs by their addresses (the order of two edges of its derived graph,
/// Graphviz issue #1214). With `malloc`, the addresses depend on everything the process did before and on Pango's
/// font threads running beside the layout: one view of the synthetic network came out 9 different ways in 30
/// layouts of the same DOT, and `dot -Kfdp` itself differs from run to run on a second graph in one file. With
/// addresses in allocation order, the same DOT gives the same layout in any process, after any other work — the
/// layout `dot -Kfdp` gives in a fresh process.
enum ArenaMemoryDiscipline {
    /// One root graph's memory: released when cgraph closes the discipline (`agclose`).
    final class Arena {
        private static let chunkSize = 1 << 20
        private static let alignment = 16
        private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
        private var next: UnsafeMutableRawPointer?
        private var left = 0

        func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
            let rounded = max(Self.alignment, (size + Self.alignment - 1) & ~(Self.alignment - 1))
            if rounded > left {
                let chunk = max(rounded, Self.chunkSize)
                // Anonymous pages are zeroed, as cgraph expects of its allocations (calloc).
                guard let base = mmap(nil, chunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                      base != MAP_FAILED else { return nil }
                chunks.append((base, chunk))
                next = base
                left = chunk
            }
            let block = next
            next = next.map { $0 + rounded }
            left -= rounded
            return block
        }

        deinit { for chunk in chunks { munmap(chunk.base, chunk.size) } }
    }

    /// The discipline (one value, shared by every graph; the state is each graph's `Arena`).
    static let discipline = Agmemdisc_t(
        open: { _ in Unmanaged.passRetained(Arena()).toOpaque() },
        alloc: { heap, size in
            guard let heap else { return nil }
            return Unmanaged<Arena>.fromOpaque(heap).takeUnretainedValue().allocate(size)
        },
        resize: { heap, pointer, old, size in
            guard let heap, let grown = Unmanaged<Arena>.fromOpaque(heap).takeUnretainedValue().allocate(size) else { return nil }
            if let pointer { grown.copyMemory(from: pointer, byteCount: min(old, size)) }
            return grown
        },
        free: { _, _ in },
        close: { heap in
            if let heap { Unmanaged<Arena>.fromOpaque(heap).release() }
        })
}
