package org.hanse.app.security;

import java.util.ArrayList;
import java.util.List;
import org.hanse.app.web.ForbiddenException;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;

/**
 * The platform operator's hand on sign-in locks: see them, and lift the lock of an account or a client address, e.g.
 * for a colleague who mistyped or when someone is guessing at the operator's own account (the operator key still works).
 */
@Service
class SignInLocks {

    /** What an unlock did: the account and address as given, and how many tallies it cleared (0 when none was locked). */
    record Unlocked(String account, String address, int cleared) {
    }

    private final SignInAttempts attempts;

    SignInLocks(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    List<SignInAttempts.Lock> list(Principal by) {
        requireOperator(by);
        return attempts.locks();
    }

    /** Clears the tallies of the account and/or the address; both are checked first, so a bad request clears nothing. */
    Unlocked unlock(String account, String address, Principal by) {
        requireOperator(by);
        String givenAccount = account == null || account.isBlank() ? null : account.trim();
        String givenAddress = address == null || address.isBlank() ? null : address.trim();
        List<Problem> problems = new ArrayList<>();
        if (givenAccount == null && givenAddress == null) {
            problems.add(new Problem("account", "give the email of an account, or an address, or both"));
        }
        if (givenAccount != null && givenAccount.length() > SignInAttempts.MAX_EMAIL) {
            problems.add(new Problem("account", "must be at most " + SignInAttempts.MAX_EMAIL + " characters"));
        }
        if (givenAddress != null && SignInAttempts.parseAddress(givenAddress).isEmpty()) {
            problems.add(new Problem("address", "must be an IPv4 or IPv6 address (an IPv6 lock may be given as its /64)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Unlocked(givenAccount, givenAddress, attempts.unlock(givenAccount, givenAddress));
    }

    private static void requireOperator(Principal by) {
        if (!by.isOperator()) {
            throw new ForbiddenException("only the platform operator may see or lift sign-in locks");
        }
    }
}
