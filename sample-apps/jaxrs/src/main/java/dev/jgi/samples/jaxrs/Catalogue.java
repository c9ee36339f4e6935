package dev.jgi.samples.jaxrs;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/** The books, in memory, safe for concurrent requests. */
final class Catalogue {

    private final Map<Long, Book> books = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A catalogue with a few classics and a thousand generated volumes, so exports stream. */
    static Catalogue seeded() {
        Catalogue catalogue = new Catalogue();
        catalogue.add(new Book(0, "Dune", "Frank Herbert", 1965));
        catalogue.add(new Book(0, "The Left Hand of Darkness", "Ursula K. Le Guin", 1969));
        catalogue.add(new Book(0, "The Dispossessed", "Ursula K. Le Guin", 1974));
        LongStream.rangeClosed(1, 1000)
                .forEach(n -> catalogue.add(new Book(0, "Volume " + n, "Anonymous", 1900 + (int) (n % 100))));
        return catalogue;
    }

    Book add(Book book) {
        book.check();
        Book stored = book.withId(ids.incrementAndGet());
        books.put(stored.id(), stored);
        return stored;
    }

    Optional<Book> find(long id) {
        return Optional.ofNullable(books.get(id));
    }

    /** Books by an author whose name contains {@code author} (any case), by id, at most {@code limit}. */
    List<Book> search(String author, int limit) {
        String needle = author.toLowerCase(Locale.ROOT);
        return books.values().stream()
                .filter(book -> book.author().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparingLong(Book::id))
                .limit(limit)
                .toList();
    }

    /** Every book, by id. */
    List<Book> all() {
        return books.values().stream()
                .sorted(Comparator.comparingLong(Book::id))
                .toList();
    }
}
