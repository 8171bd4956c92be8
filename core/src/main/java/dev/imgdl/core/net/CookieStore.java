package dev.imgdl.core.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * The cookies of a JVM's requests, as a browser keeps them for the length of a session: those
 * read from a cookie file and those the servers set, one per name, domain and path (a later one
 * replaces it, an expired one deletes it), sent where {@link Cookie#matches} says (domain, path,
 * secure) while not expired. Safe for any number of threads.
 */
public final class CookieStore implements CookieJar {
  private record Key(String name, String domain, String path) {}

  private final Map<Key, Cookie> cookies = new LinkedHashMap<>();
  /** The last cookie servers set under each key, deletions (expired ones) included. */
  private final Map<Key, Cookie> set = new LinkedHashMap<>();

  public CookieStore(List<Cookie> initial) {
    addAll(initial);
  }

  /** Adds {@code more} as if a server had set them, in order. */
  public synchronized void addAll(List<Cookie> more) {
    long now = System.currentTimeMillis();
    for (Cookie cookie : more) {
      Key key = key(cookie);
      cookies.remove(key);
      if (cookie.expiresAt() > now) {
        cookies.put(key, cookie);
      }
    }
  }

  /** The cookies not expired yet, in the order they came. */
  public synchronized List<Cookie> all() {
    long now = System.currentTimeMillis();
    return cookies.values().stream().filter(c -> c.expiresAt() > now).toList();
  }

  /**
   * What the servers set, the last cookie of each name, domain and path, in the order they
   * were last set: expired ones too, since they delete. Added to another store, they make the
   * changes this one saw, without bringing back a cookie another store has seen deleted.
   */
  public synchronized List<Cookie> setByServers() {
    return List.copyOf(set.values());
  }

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> fromServer) {
    for (Cookie cookie : fromServer) {
      Key key = key(cookie);
      set.remove(key);
      set.put(key, cookie);
    }
    addAll(fromServer);
  }

  private static Key key(Cookie cookie) {
    return new Key(cookie.name(), cookie.domain(), cookie.path());
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    long now = System.currentTimeMillis();
    List<Cookie> matching = new ArrayList<>();
    for (Cookie cookie : cookies.values()) {
      if (cookie.expiresAt() > now && cookie.matches(url)) {
        matching.add(cookie);
      }
    }
    return matching;
  }
}
