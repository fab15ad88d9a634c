import Synchronization

/// Counts work done by long-running algorithms, read from another thread to draw a progress bar.
///
/// Algorithms add to it with relaxed atomics (one add per source), so passing one costs next to nothing.
public final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)

    /// A counter at 0 of 0.
    public init() {}

    /// Adds `count` units to the expected total (an algorithm calls this before it starts).
    public func expect(_ count: Int) { total.add(count, ordering: .relaxed) }

    /// Adds `count` units of work done (an algorithm calls this as it goes, from any thread).
    public func advance(_ count: Int = 1) { done.add(count, ordering: .relaxed) }

    /// Work done and work expected so far.
    public var state: (done: Int, total: Int) { (done.load(ordering: .relaxed), total.load(ordering: .relaxed)) }
}
