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
