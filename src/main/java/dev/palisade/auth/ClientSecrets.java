package dev.palisade.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Desktop OAuth client Google issues as {@code client_secret_….json}
 * ({@code {"installed": {"client_id": …, "client_secret": …}}}). Google treats a desktop client's
 * secret as not confidential, but it still stays out of logs and {@code toString()}.
 */
public record ClientSecrets(String clientId, String clientSecret) {

    public static ClientSecrets load(Path file) throws SignInException {
        if (!Files.isRegularFile(file)) {
            throw new SignInException(SignInException.Reason.CLIENT_CONFIG, "The OAuth client file " + file
                    + " does not exist. Download the Desktop app client JSON from Google Cloud Console "
                    + "(APIs & Services → Credentials) and set google.clientSecretFile to it.");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode c = root.has("installed") ? root.get("installed") : root.get("web");
            if (c == null || !c.hasNonNull("client_id")) {
                throw new SignInException(SignInException.Reason.CLIENT_CONFIG, "The OAuth client file " + file
                        + " has no \"installed\".\"client_id\"; it must be the JSON of a Desktop app client.");
            }
            return new ClientSecrets(c.get("client_id").asText(),
                    c.hasNonNull("client_secret") ? c.get("client_secret").asText() : null);
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.CLIENT_CONFIG, "The OAuth client file " + file
                    + " is not valid JSON.");
        }
    }

    @Override
    public String toString() {
        return "ClientSecrets[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "***") + "]";
    }
}
