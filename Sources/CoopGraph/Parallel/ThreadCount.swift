import Foundation

/// Every core of the machine: the default `threads` of the all-sources algorithms (results do not depend on it).
public let defaultThreadCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
