package dev.palisade.collect.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Classifies SDK failures into what a person reads. Never includes credentials (the SDK never puts them in messages). */
final class AwsErrors {
    private AwsErrors() {
    }

    static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedException", "AllAccessDisabled", "AuthorizationErrorException");

    static final Set<String> BAD_CREDENTIALS = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "UnrecognizedClientException", "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException",
            "InvalidToken", "IncompleteSignature", "AuthFailure");

    static String code(Throwable e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                ? ase.awsErrorDetails().errorCode() : null;
    }

    static boolean denied(Throwable e) {
        String c = code(e);
        return c != null && (DENIED.contains(c) || (e instanceof AwsServiceException ase && ase.statusCode() == 403
                && !BAD_CREDENTIALS.contains(c)));
    }

    static boolean badCredentials(Throwable e) {
        String c = code(e);
        return c != null && BAD_CREDENTIALS.contains(c);
    }

    /** A one-line description: {@code AccessDenied (403): message}, or the client-side cause. */
    static String describe(Throwable e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            String msg = ase.awsErrorDetails().errorMessage();
            return ase.awsErrorDetails().errorCode() + " (HTTP " + ase.statusCode() + ")"
                    + (msg == null || msg.isBlank() ? "" : ": " + msg);
        }
        if (e instanceof ApiCallTimeoutException) {
            return "timed out";
        }
        if (e instanceof SdkClientException || e instanceof SdkException) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String m = e.getMessage();
            if (root != e && root.getMessage() != null && (m == null || !m.contains(root.getMessage()))) {
                m = (m == null ? "" : m + " ") + "(" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
            }
            return m;
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
