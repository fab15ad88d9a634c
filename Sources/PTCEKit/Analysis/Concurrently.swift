import Foundation

/// Runs independent jobs on the machine's cores and returns their results in the jobs' order: what each job
/// computes does not depend on which thread ran it or when, so the results are the same bytes on any machine.
package func concurrently<T>(_ jobs: [() throws -> T]) -> [Result<T, any Error>] {
    guard jobs.count > 1 else { return jobs.map { job in Result { try job() } } }
    let slots = JobSlots(jobs)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { slots.run($0) }
    return slots.results()
}

/// `concurrently` for jobs that cannot fail.
package func concurrently<T>(_ jobs: [() -> T]) -> [T] {
    concurrently(jobs.map { job in { () throws -> T in job() } }).map { try! $0.get() }
}

/// Each job writes only its own slot, allocated before the jobs start.
private final class JobSlots<T>: @unchecked Sendable {
    private let jobs: [() throws -> T]
    private let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>

    init(_ jobs: [() throws -> T]) {
        self.jobs = jobs
        slots = .allocate(capacity: jobs.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func run(_ index: Int) { slots[index] = Result { try jobs[index]() } }

    func results() -> [Result<T, any Error>] { slots.map { $0! } }
}

/// A value shared between threads behind a lock.
///
/// Built on `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`: on Linux `Mutex` waits on a futex inside
/// the uninstrumented standard library, so ThreadSanitizer does not see it order the accesses and reports the guarded
/// value as racing (`make sanitize` did, on the vocabulary cache). ThreadSanitizer knows pthread mutexes.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value while holding the lock.
    package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
