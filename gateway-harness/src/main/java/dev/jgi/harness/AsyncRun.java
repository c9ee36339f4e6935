package dev.jgi.harness;

import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Request;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Starts an async application's exchange and ends it when its stage completes [JGI-ASYNC-7]. */
final class AsyncRun {

    private AsyncRun() {}

    /**
     * Calls {@code handle} on a virtual thread, so that an application that blocks, against
     * [JGI-APP-4], cannot hang the test past its timeout.
     */
    static CompletableFuture<Void> start(AsyncApplication app, Request request, Channel channel) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("jgi-harness-async").start(() -> {
            try {
                CompletionStage<Void> stage = app.handle(request, channel);
                if (stage == null) {
                    done.completeExceptionally(new IllegalStateException("[JGI-APP-5] the application returned null"));
                    return;
                }
                stage.whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure);
                    }
                });
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /**
     * Ends the exchange as a server does once the application's stage completed: a failure is a 500
     * or an abort [JGI-ERR-5]; so is a normal end before the response ended [JGI-ERR-6]. Then the
     * completion hooks run [JGI-DONE-1].
     */
    static Completion end(Throwable failure, ResponseSink sink, Hooks hooks, ClientState client, boolean websocket) {
        Throwable cause = unwrap(failure);
        if (cause != null) {
            sink.fail(cause);
        } else if (!sink.finished()) {
            if (client.gone()) {
                sink.fail(new ClientDisconnectedException("[JGI-DISC-3] the client went away"));
            } else if (websocket && sink.committed()) {
                sink.finish();
            } else {
                sink.fail(new IllegalStateException(
                        "[JGI-ERR-6] the application's stage completed before its response ended"));
            }
        }
        Completion completion = sink.completion();
        client.ended();
        hooks.run(completion);
        return completion;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
