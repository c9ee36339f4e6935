package dev.jgi.samples.jaxrs;

/**
 * A book of the catalogue, as its JSON says it.
 *
 * @param id     assigned by the catalogue; 0 in a request to add one
 * @param title  never blank
 * @param author never blank
 * @param year   the year of publication
 */
public record Book(long id, String title, String author, int year) {

    /** This book with a catalogue id. */
    Book withId(long newId) {
        return new Book(newId, title, author, year);
    }

    /** Refuses what a catalogue must not hold; the message names the field. */
    void check() {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("author must not be blank");
        }
    }
}
