public import DSOModel

/// Hands validated schedule intervals to the kernel's API ring; returns how many it took, in order (the
/// rest were refused because the ring was full). dsod backs it with the ring's one producer, an
/// `InboundRingWriter` actor, so request handlers on many threads never push at once.
public typealias ScheduleSubmitter = @Sendable ([ScheduleEntry]) async -> Int
