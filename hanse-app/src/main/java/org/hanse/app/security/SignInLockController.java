package org.hanse.app.security;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sign-in/locks} and {@code /api/v1/sign-in/unlock}: the platform operator's key sees and lifts sign-in locks. */
@RestController
@RequestMapping("/api/v1/sign-in")
class SignInLockController {

    private final SignInLocks locks;

    SignInLockController(SignInLocks locks) {
        this.locks = locks;
    }

    @GetMapping("/locks")
    Map<String, List<SignInAttempts.Lock>> locks(Principal principal) {
        return Map.of("items", locks.list(principal));
    }

    /** Body of an unlock: the email of an account, a client address, or both. */
    record UnlockRequest(String account, String address) {
    }

    @PostMapping("/unlock")
    SignInLocks.Unlocked unlock(@RequestBody UnlockRequest request, Principal principal) {
        return locks.unlock(request.account(), request.address(), principal);
    }
}
