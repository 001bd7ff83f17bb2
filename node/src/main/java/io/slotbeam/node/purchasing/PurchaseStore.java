package io.slotbeam.node.purchasing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slotbeam.node.NodeJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Purchases kept across restarts, one JSON file per purchase ({@link PurchaseJson#stored}) named by
 * its request id. Every save writes a temporary file, forces it to disk and renames it over the old
 * one, so a file is always a whole purchase, the old state or the new; a temporary file left by a
 * crash is ignored and removed on {@link #loadAll}. nim-codex keeps purchases in memory only and
 * rebuilds them from {@code myRequests} (spec node §9); kept here, a restarted node also remembers
 * purchases that are over and requests whose transaction never went out.
 */
public final class PurchaseStore {
  private static final String SUFFIX = ".json";
  private static final String TEMPORARY = ".tmp";
  private static final ObjectMapper JSON = NodeJson.MAPPER;

  private final Path folder;

  private PurchaseStore(Path folder) {
    this.folder = folder;
  }

  /** The store in {@code folder}, created if missing. */
  public static PurchaseStore open(Path folder) throws IOException {
    Files.createDirectories(folder);
    return new PurchaseStore(folder);
  }

  public void save(Purchase purchase) throws IOException {
    String name = purchase.id().hex().substring(2) + SUFFIX;
    Path temporary = folder.resolve(name + TEMPORARY);
    try (FileChannel out =
        FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(JSON.writeValueAsBytes(PurchaseJson.stored(purchase))));
      out.force(true);
    }
    Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true); // the rename itself survives a power cut
    }
  }

  /** Every saved purchase. */
  public List<Purchase> loadAll() throws IOException {
    List<Purchase> purchases = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX + TEMPORARY)) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX)) {
          purchases.add(load(file));
        }
      }
    }
    return purchases;
  }

  private static Purchase load(Path file) throws IOException {
    try {
      return PurchaseJson.parseStored(JSON.readTree(file.toFile()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IOException("purchase file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }
}
