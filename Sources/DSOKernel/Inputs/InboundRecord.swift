public import DSOModel
public import DSORuntime

/// A message as the kernel drained it, with the producer whose ring it came from: what input capture
/// writes, so a replay can push each message back into the same ring and drain it in the same order.
public struct InboundRecord: Sendable, Hashable {
    public var producer: InboundProducer
    public var message: InboundMessage

    public init(producer: InboundProducer, message: InboundMessage) {
        self.producer = producer
        self.message = message
    }
}
