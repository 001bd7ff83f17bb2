package io.slotbeam.node.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.crypto.Credentials;

/**
 * The node's signing key: from a file only its owner can read and write (nim-codex {@code
 * --eth-private-key}, which also refuses other permissions) or from the environment variable
 * {@link #ENVIRONMENT_VARIABLE}. The key is 32 bytes of hex, with or without {@code 0x}. No
 * message here or in {@link OnChainMarket} ever contains the key; web3j's {@link Credentials}
 * prints none either.
 */
public final class SignerKeys {
  /** Holds the key itself (hex), for hosts where a key file is impractical. */
  public static final String ENVIRONMENT_VARIABLE = "SLOTBEAM_ETH_PRIVATE_KEY";

  private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

  private SignerKeys() {}

  /**
   * The key in {@code file}, refused unless its permissions are exactly 0600 (rw-------), so a key
   * readable by other users is never used.
   */
  public static Credentials fromFile(Path file) throws IOException {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("private key file " + file + " does not exist", e);
    }
    if (!permissions.equals(OWNER_READ_WRITE)) {
      throw new IllegalArgumentException("private key file " + file + " has permissions "
          + PosixFilePermissions.toString(permissions) + "; it must be 0600 (rw-------, owner only):"
          + " chmod 600 " + file);
    }
    return parse(Files.readString(file, StandardCharsets.US_ASCII), "private key file " + file);
  }

  /** The key in {@link #ENVIRONMENT_VARIABLE} of {@code environment}, if it is set. */
  public static Optional<Credentials> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT_VARIABLE);
    return value == null ? Optional.empty()
        : Optional.of(parse(value, "environment variable " + ENVIRONMENT_VARIABLE));
  }

  /** The key in {@code hex}; {@code source} names where it came from, for the error message. */
  static Credentials parse(String hex, String source) {
    String digits = hex.strip();
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      digits = digits.substring(2);
    }
    if (!digits.matches("[0-9a-fA-F]{64}") || digits.matches("0+")) {
      // The text is a secret (or a mangled one): the message says what is wrong, never what it is.
      throw new IllegalArgumentException(source + " does not hold a private key: it must be 32"
          + " non-zero bytes of hex (64 digits, optionally after 0x); found " + digits.length()
          + " characters");
    }
    return Credentials.create(digits);
  }
}
