package dev.palisade.collect.aws;

/** A problem with an environment's credentials or profile that a person must fix; the message says how. */
final class AwsSetupException extends RuntimeException {
    AwsSetupException(String message) {
        super(message);
    }
}
