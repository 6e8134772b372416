/**
 * Google sign-in, the console session and secrets at rest.
 *
 * <ul>
 *   <li>{@link dev.palisade.auth.GoogleSignIn} ({@link dev.palisade.auth.Authenticator}): authorization code +
 *       PKCE through the system browser and a one-shot loopback receiver; ID token verified by
 *       {@link dev.palisade.auth.IdTokenVerifier}; every outcome reported as an {@link dev.palisade.auth.AuthEvent}.</li>
 *   <li>{@link dev.palisade.auth.IdleLock} and {@link dev.palisade.auth.Session}: idle lock and absolute session limit.</li>
 *   <li>{@link dev.palisade.auth.StoreKeys}: the data directory's {@link dev.palisade.auth.SecretStore} (OS keychain,
 *       else a passphrase-encrypted file) and the {@link dev.palisade.auth.AesGcmPayloadCodec} that seals the store.</li>
 *   <li>{@link dev.palisade.auth.GoogleDirectoryAccess}: the {@code google} collector with the right credential.</li>
 * </ul>
 * No JavaFX here: the UI passes a {@link dev.palisade.auth.BrowserOpener} and runs blocking calls off the FX thread.
 */
package dev.palisade.auth;
