package org.hanse.app.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks the sign-in form. The locks of the email and of the client address come first (a locked key is refused
 * without looking at the password, so guessing stops); then the password, against a dummy hash of the same cost when
 * nobody has the email, so known and unknown emails get the same answer after the same work.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final People people;
    private final PasswordEncoder passwords;
    private final SignInAttempts attempts;
    private final String dummyHash;

    PasswordSignIn(People people, PasswordEncoder passwords, SignInAttempts attempts) {
        this.people = people;
        this.passwords = passwords;
        this.attempts = attempts;
        this.dummyHash = passwords.encode(ApiKeys.generate());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (attempts.lockedUntil(email, address).isPresent()) {
            throw new LockedException("too many failed sign-ins for this email or from this address");
        }
        Optional<SignedInPerson> person = email == null || email.length() > SignInAttempts.MAX_EMAIL ? Optional.empty() : people.find(email);
        boolean matches = matches(password, person.map(SignedInPerson::passwordHash).orElse(dummyHash));
        if (person.isEmpty() || !matches) {
            attempts.failed(email, address);
            throw new BadCredentialsException("the email or the password is not right");
        }
        attempts.succeeded(email);
        SignedInPerson signedIn = person.get();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException unusable) {
            // An over-long password bcrypt refuses is simply wrong, for a known and an unknown email alike.
            return false;
        }
    }
}
