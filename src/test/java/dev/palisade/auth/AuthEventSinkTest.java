package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.store.AuditEntry;
import dev.palisade.store.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthEventSinkTest {
    @Test
    void writesEveryEventToTheAuditLogAsAnAuthAction() {
        List<String> rows = new ArrayList<>();
        AuditRepository audit = new AuditRepository() {
            @Override
            public AuditEntry append(String actor, String action, String target, String outcome, String details) {
                rows.add(String.join("|", actor, action, target, outcome, details));
                return null;
            }

            @Override
            public List<AuditEntry> entries() {
                return List.of();
            }

            @Override
            public Optional<AuditEntry> firstBroken() {
                return Optional.empty();
            }
        };
        AuthEventSink sink = AuthEventSink.audit(audit);
        sink.record(new AuthEvent(Instant.EPOCH, AuthEvent.Type.SIGN_IN_REFUSED, "unknown", "refused: WRONG_DOMAIN",
                "x@other.example is an account of other.example"));
        sink.record(new AuthEvent(Instant.EPOCH, AuthEvent.Type.LOCK, "founder@acme.example", "locked", "idle for 15 minutes"));
        assertThat(rows).containsExactly(
                "unknown|auth.sign_in_refused|google|refused: WRONG_DOMAIN|x@other.example is an account of other.example",
                "founder@acme.example|auth.lock|google|locked|idle for 15 minutes");
    }
}
