package dev.jgi.samples.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract, made up from its number so that the sample needs no database: the same number
 * always gives the same contract.
 */
record Contract(long id, String supplier, String customer, BigDecimal amount, LocalDate signed, List<String> clauses) {

    private static final List<String> SUPPLIERS =
            List.of("Acme Tools Ltd", "Northwind Traders", "Globex Corporation", "Initech GmbH");
    private static final List<String> CUSTOMERS =
            List.of("Vandelay Industries", "Wayne Enterprises", "Stark Logistics", "Umbrella Foods");

    static Contract number(long id) {
        int n = (int) (id % 1000);
        return new Contract(
                id,
                SUPPLIERS.get(n % SUPPLIERS.size()),
                CUSTOMERS.get(n / 4 % CUSTOMERS.size()),
                BigDecimal.valueOf(1_000 + id % 97 * 1_250L).setScale(2),
                LocalDate.of(2024, 1, 1).plusDays(id % 700),
                List.of(
                        "The supplier delivers the goods listed in schedule A within 30 days of signature.",
                        "The customer pays the amount within 45 days of the invoice.",
                        "Either party may end this contract with 90 days' written notice.",
                        "This contract is governed by the laws of the supplier's seat."));
    }
}
