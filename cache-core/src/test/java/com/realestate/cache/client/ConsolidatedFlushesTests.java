package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsolidatedFlushesTests {

    private final AtomicInteger socketFlushes = new AtomicInteger();

    /** A channel set up as the client sets up each connection, counting the flushes that reach the socket. */
    private EmbeddedChannel connection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        new ConsolidatedFlushes().afterChannelInitialized(channel);
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext context) {
                socketFlushes.incrementAndGet();
                context.flush();
            }
        });
        return channel;
    }

    @Test
    void commandsFlushedWhileRepliesAreReadLeaveInOneWriteAfterTheRead() {
        EmbeddedChannel channel = connection();

        channel.pipeline().fireChannelRead("+OK");
        for (int i = 0; i < 10; i++) {
            channel.pipeline().writeAndFlush("GET k" + i);
        }
        assertThat(socketFlushes).hasValue(0);
        channel.pipeline().fireChannelReadComplete();

        assertThat(socketFlushes).hasValue(1);
        assertThat(channel.outboundMessages()).hasSize(10);
        channel.finishAndReleaseAll();
    }

    @Test
    void aCommandIsFlushedWithoutWaitingForAnyOther() {
        EmbeddedChannel channel = connection();

        channel.writeAndFlush("GET k");

        assertThat(socketFlushes).hasValue(1);
        assertThat(channel.<String>readOutbound()).isEqualTo("GET k");
        channel.finishAndReleaseAll();
    }
}
