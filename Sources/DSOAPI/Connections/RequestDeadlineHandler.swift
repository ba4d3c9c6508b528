import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request does not arrive in full within the deadline.
///
/// Sits first in the pipeline and sees raw bytes: the first bytes of a request start the clock, the request's
/// end (signalled by `RequestReceivedSignal` behind the HTTP decoder) or the server's answer stops it. A client
/// that sends half a request head, or trickles a body, holds its connection for at most `timeout`; the time the
/// server takes to answer never counts. An idle connection that sends nothing is HTTP1Channel's idle timeout's
/// business.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if deadline == nil {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: timeout) { bound.value.close(promise: nil) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        stop()
        context.write(data, promise: promise)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if event is RequestReceivedSignal.Received {
            stop()
            promise?.succeed()
        } else {
            context.triggerUserOutboundEvent(event, promise: promise)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { stop() }

    private func stop() {
        deadline?.cancel()
        deadline = nil
    }
}

/// Behind the HTTP decoder: tells `RequestDeadlineHandler` (at the head of the pipeline, through an outbound
/// user event) that a request has arrived whole, so the server's own time to answer is never cut short.
final class RequestReceivedSignal: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    struct Received {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) { context.triggerUserOutboundEvent(Received(), promise: nil) }
        context.fireChannelRead(data)
    }
}
