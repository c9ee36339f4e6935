package dev.jgi.samples.contracts;

import static dev.jgi.samples.micro.Html.escape;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.samples.micro.Context;
import dev.jgi.samples.micro.HttpError;
import dev.jgi.samples.micro.Router;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The concurrency demo of the deployment literature: {@code /contracts/{id}} is a fast HTML page,
 * {@code /contracts/{id}/download} a PDF that takes a while (the delay stands for a slow report
 * query or a remote signing service). On a server that runs each request on its own virtual
 * thread [JGI-APP-2], slow downloads do not hold up the fast pages.
 *
 * <p>{@code CONTRACTS_DOWNLOAD_DELAY_MS} sets the delay (default 1500).
 */
public final class Contracts implements Application {

    /** What a download waits for before it renders: the slow report query or remote service of the demo. */
    @FunctionalInterface
    public interface SlowPart {
        void await() throws InterruptedException;
    }

    private final SlowPart slowPart;
    private final AtomicInteger downloadsInFlight = new AtomicInteger();
    private final Router router = Router.builder()
            .get("/", c -> Response.redirect(302, c.url("/contracts/1")))
            .get("/contracts/{id}", this::page)
            .get("/contracts/{id}/download", this::download)
            .build();

    public Contracts() {
        this(Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("CONTRACTS_DOWNLOAD_DELAY_MS", "1500"))));
    }

    public Contracts(Duration downloadDelay) {
        this(sleeping(downloadDelay));
    }

    /** Downloads wait for {@code slowPart}; a test holds them with it for as long as it needs. */
    public Contracts(SlowPart slowPart) {
        this.slowPart = slowPart;
    }

    private static SlowPart sleeping(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the download delay must not be negative: " + delay);
        }
        return () -> Thread.sleep(delay);
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        return router.handle(request, exchange);
    }

    /** How many downloads are waiting or rendering right now. */
    public int downloadsInFlight() {
        return downloadsInFlight.get();
    }

    private Response page(Context context) {
        Contract contract = contract(context);
        return Response.html(200, """
                <!doctype html><html lang="en"><meta charset="utf-8"><title>Contract %1$d</title>
                <h1>Contract %1$d</h1>
                <p>Between <b>%2$s</b> and <b>%3$s</b>, signed %4$s, for EUR %5$s.</p>
                <p><a href="%6$s">Download the PDF</a> (slow on purpose)</p>
                """.formatted(
                        contract.id(),
                        escape(contract.supplier()),
                        escape(contract.customer()),
                        contract.signed(),
                        contract.amount().toPlainString(),
                        context.url("/contracts/" + contract.id() + "/download")));
    }

    private Response download(Context context) throws Exception {
        Contract contract = contract(context);
        downloadsInFlight.incrementAndGet();
        try {
            slowPart.await();
            byte[] pdf = ContractPdf.render(contract);
            return Response.of(
                    200,
                    Headers.of(
                            "content-type",
                            "application/pdf",
                            "content-disposition",
                            "attachment; filename=\"contract-" + contract.id() + ".pdf\""),
                    Body.of(pdf));
        } finally {
            downloadsInFlight.decrementAndGet();
        }
    }

    private static Contract contract(Context context) {
        long id = context.longParam("id");
        if (id < 1 || id > 1_000_000_000L) {
            throw HttpError.notFound();
        }
        return Contract.number(id);
    }
}
