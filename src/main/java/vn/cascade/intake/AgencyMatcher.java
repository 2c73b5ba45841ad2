package vn.cascade.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cascade.agency.Agency;
import vn.cascade.agency.AgencyDirectory;
import vn.cascade.agency.AgencyKind;

/**
 * Finds the agencies a phrase of a letter names, through the directory: full names, aliases and
 * abbreviations ("Sở KH&ĐT", "UBND TP Biên Hòa"), with or without diacritics, in any case; groups
 * ("các sở, ngành" → all:department, "UBND các huyện, thành phố" → all:district); named lists of
 * districts ("UBND các huyện Long Thành, Thống Nhất và thành phố Long Khánh"); and words that look
 * like an agency but are not in the directory, so that they can be shown, never dropped.
 */
final class AgencyMatcher {

  /** A word of the text, folded, with where it stands in the original. */
  record Token(String key, int start, int end, boolean capital) {}

  /**
   * What a span of text names: agency codes or selectors, or nothing when it looks like an agency the
   * directory does not know ({@code codes} empty).
   */
  record Mention(List<String> codes, String words) {
    boolean resolved() {
      return !codes.isEmpty();
    }
  }

  private static final Set<String> CONNECTORS = Set.of(",", "va", "voi", ";", "&");
  private static final Set<String> UNITS = Set.of("huyen", "tp", "thi", "xa", "phuong", "quan");
  /** Words that start the name of an agency, when written with a capital. */
  private static final Set<String> KEYWORDS = Set.of("so", "ban", "cuc", "chi", "ubnd", "uy", "cong", "thanh",
      "bao", "van", "kho", "ngan", "bo", "dai", "hoi", "truong", "tinh", "lien", "mat", "vien", "trung", "phong",
      "toa", "quy", "buu");
  /** Words that end an agency's name: what the agency is asked to do. */
  private static final List<List<String>> STOPS = List.of(
      List.of("to", "chuc"), List.of("thuc", "hien"), List.of("trien", "khai"), List.of("chu", "tri"),
      List.of("phoi", "hop"), List.of("tham", "muu"), List.of("ra", "soat"), List.of("kiem", "tra"),
      List.of("bao", "cao"), List.of("de", "xuat"), List.of("huong", "dan"), List.of("theo", "doi"),
      List.of("khan", "truong"), List.of("tich", "cuc"), List.of("chu", "dong"), List.of("lien", "quan"),
      List.of("nghien", "cuu"), List.of("tong", "hop"), List.of("day", "manh"), List.of("tap", "trung"),
      List.of("tang", "cuong"), List.of("co"), List.of("de"), List.of("trong"), List.of("tren"), List.of("truoc"),
      List.of("theo"), List.of("can", "cu"), List.of("xay", "dung"), List.of("dam", "bao"));

  private final AgencyDirectory directory;
  private final List<String> province;
  /** Token sequences of every name, alias and variant, longest first, with the agency's code. */
  private final List<Map.Entry<List<String>, String>> names = new ArrayList<>();
  /** District-level units by their place name alone: "long thanh" → ubnd-long-thanh. */
  private final List<Map.Entry<List<String>, String>> places = new ArrayList<>();

  AgencyMatcher(AgencyDirectory directory) {
    this.directory = directory;
    this.province = keys(directory.province() == null ? "" : directory.province());
    Map<List<String>, String> all = new LinkedHashMap<>();
    for (Agency a : directory.all()) {
      List<String> forms = new ArrayList<>();
      forms.add(a.name());
      forms.addAll(a.aliases());
      for (String form : forms) {
        for (List<String> v : variants(keys(form))) {
          all.putIfAbsent(v, a.code());
        }
      }
      if (a.kind() == AgencyKind.DISTRICT) {
        List<String> name = keys(a.name());
        for (int i = 0; i < name.size(); i++) {
          if (UNITS.contains(name.get(i)) && i + 1 < name.size() && !name.get(i + 1).equals("pho")) {
            places.add(Map.entry(name.subList(i + 1, name.size()), a.code()));
            break;
          }
          if (name.get(i).equals("pho") && i + 1 < name.size()) {
            places.add(Map.entry(name.subList(i + 1, name.size()), a.code()));
            break;
          }
        }
      }
    }
    names.addAll(all.entrySet());
    names.sort(Comparator.comparingInt((Map.Entry<List<String>, String> e) -> e.getKey().size()).reversed());
    places.sort(Comparator.comparingInt((Map.Entry<List<String>, String> e) -> e.getKey().size()).reversed());
  }

  private static List<List<String>> variants(List<String> name) {
    Set<List<String>> out = new java.util.LinkedHashSet<>();
    out.add(name);
    List<List<String>> queue = new ArrayList<>(out);
    String[][] swaps = {{"uy ban nhan dan", "ubnd"}, {"ubnd", "uy ban nhan dan"}, {"thanh pho", "tp"},
        {"tp", "thanh pho"}, {"&", "va"}, {"va", "&"}};
    for (String[] s : swaps) {
      List<List<String>> more = new ArrayList<>();
      for (List<String> q : queue) {
        more.add(replace(q, List.of(s[0].split(" ")), List.of(s[1].split(" "))));
      }
      queue.addAll(more);
    }
    for (List<String> q : queue) {
      out.add(q);
      if (q.size() > 2 && q.get(q.size() - 1).equals("tinh")) {
        out.add(q.subList(0, q.size() - 1));
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> replace(List<String> in, List<String> from, List<String> to) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < in.size(); ) {
      if (i + from.size() <= in.size() && in.subList(i, i + from.size()).equals(from)) {
        out.addAll(to);
        i += from.size();
      } else {
        out.add(in.get(i));
        i++;
      }
    }
    return out;
  }

  static List<String> keys(String s) {
    return tokens(s).stream().map(Token::key).toList();
  }

  /** Words, "&", and the punctuation that separates names; "-" and the dot of "TP." are dropped. */
  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    String f = LetterText.fold(s);
    int i = 0;
    while (i < f.length()) {
      char c = f.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int j = i;
        while (j < f.length() && Character.isLetterOrDigit(f.charAt(j))) {
          j++;
        }
        out.add(new Token(f.substring(i, j), i, j, Character.isUpperCase(s.charAt(i))));
        i = j;
      } else {
        if (",;:()&".indexOf(c) >= 0) {
          out.add(new Token(String.valueOf(c), i, i + 1, false));
        } else if (c == '.' && !(out.size() > 0 && Set.of("tp", "kt", "tm", "q", "tl").contains(out.get(out.size() - 1).key()))) {
          out.add(new Token(".", i, i + 1, false));
        }
        i++;
      }
    }
    return out;
  }

  /** A mention and the tokens it covers. */
  private record Hit(Mention mention, int from, int to) {}

  /**
   * The agencies a list names, read from its start: names and groups joined by commas and "và",
   * until the first word that is neither (what the agencies are asked to do).
   */
  List<Mention> list(String text) {
    List<Token> t = tokens(text);
    List<Mention> out = new ArrayList<>();
    int p = 0;
    while (p < t.size()) {
      Optional<Hit> hit = at(text, t, p, true);
      if (hit.isPresent()) {
        out.addAll(hit.get().mention() == null ? List.of() : List.of(hit.get().mention()));
        p = hit.get().to();
        continue;
      }
      String k = t.get(p).key();
      if (CONNECTORS.contains(k) || (k.equals("cac") && p + 1 < t.size())) {
        p++;
        continue;
      }
      int skip = skipAt(t, p);
      if (skip > 0) {
        p += skip;
        continue;
      }
      break;
    }
    return out;
  }

  /** Every agency a text names anywhere, known ones only (for sentences that name an office). */
  List<Mention> known(String text) {
    List<Token> t = tokens(text);
    List<Mention> out = new ArrayList<>();
    for (int p = 0; p < t.size(); ) {
      Optional<Hit> hit = at(text, t, p, false);
      if (hit.isPresent() && hit.get().mention() != null && hit.get().mention().resolved()) {
        out.add(hit.get().mention());
        p = hit.get().to();
      } else {
        p++;
      }
    }
    return out;
  }

  /** The agency a whole phrase names, as in a line of "Nơi nhận": all of it, or nothing. */
  Optional<String> whole(String text) {
    List<Token> t = tokens(text);
    Optional<Hit> hit = at(text, t, 0, false);
    if (hit.isPresent() && hit.get().to() == t.size() && hit.get().mention() != null
        && hit.get().mention().codes().size() == 1) {
      return Optional.of(hit.get().mention().codes().get(0));
    }
    return Optional.empty();
  }

  /** What starts at token p: a group, a named list of districts, a known name, or an unknown agency. */
  private Optional<Hit> at(String text, List<Token> t, int p, boolean unknownToo) {
    Optional<Hit> group = group(text, t, p);
    if (group.isPresent()) {
      return group;
    }
    Optional<Hit> listed = districts(text, t, p, unknownToo);
    if (listed.isPresent()) {
      return listed;
    }
    for (Map.Entry<List<String>, String> e : names) {
      if (matches(t, p, e.getKey())) {
        int end = trailing(t, p + e.getKey().size());
        return Optional.of(new Hit(new Mention(List.of(e.getValue()), words(text, t, p, end)), p, end));
      }
    }
    if (unknownToo && t.get(p).capital() && KEYWORDS.contains(t.get(p).key())) {
      int end = p + 1;
      while (end < t.size() && end - p < 12 && Character.isLetterOrDigit(t.get(end).key().charAt(0))
          && stopAt(t, end) == 0 && !(t.get(end).key().equals("va") && end + 1 < t.size() && t.get(end + 1).capital()
              && KEYWORDS.contains(t.get(end + 1).key()))) {
        end++;
      }
      return Optional.of(new Hit(new Mention(List.of(), words(text, t, p, end)), p, end));
    }
    return Optional.empty();
  }

  /** "tỉnh", "tỉnh Đồng Nai" after a name belong to it. */
  private int trailing(List<Token> t, int end) {
    if (end < t.size() && t.get(end).key().equals("tinh")) {
      end++;
    }
    if (!province.isEmpty() && matches(t, end, province)) {
      end += province.size();
    }
    return end;
  }

  /** Words before an agency's name that are not part of it: "Giao", "Yêu cầu", "Giám đốc", "Thủ trưởng". */
  private static final List<List<String>> SKIPS = List.of(List.of("giao"), List.of("yeu", "cau"), List.of("de", "nghi"),
      List.of("giam", "doc"), List.of("thu", "truong"), List.of("chu", "tich"), List.of("lanh", "dao"));

  private static int skipAt(List<Token> t, int p) {
    for (List<String> s : SKIPS) {
      if (matches(t, p, s)) {
        return s.size();
      }
    }
    return 0;
  }

  private int stopAt(List<Token> t, int p) {
    for (List<String> s : STOPS) {
      if (matches(t, p, s)) {
        return s.size();
      }
    }
    return 0;
  }

  /** "các sở, ngành (tỉnh)", "các sở, ban, ngành", "UBND các huyện, thành phố", "UBND các xã, phường". */
  private Optional<Hit> group(String text, List<Token> t, int p) {
    int q = p;
    if (matches(t, q, List.of("cac", "so"))) {
      q += 2;
      boolean sector = false;
      while (q < t.size() && Set.of(",", "ban", "nganh").contains(t.get(q).key())) {
        sector |= t.get(q).key().equals("nganh") || t.get(q).key().equals("ban");
        q++;
      }
      if (!sector) {
        return Optional.empty();
      }
      while (q > p && t.get(q - 1).key().equals(",")) {
        q--;
      }
      List<String> codes = new ArrayList<>(List.of(AgencyDirectory.ALL_PREFIX + AgencyKind.DEPARTMENT.code()));
      int end = trailing(t, q);
      if (matches(t, end, List.of(",", "dia", "phuong"))) {
        codes.add(AgencyDirectory.ALL_PREFIX + AgencyKind.DISTRICT.code());
        end += 3;
      }
      return Optional.of(new Hit(new Mention(codes, words(text, t, p, end)), p, end));
    }
    q = p;
    if (matches(t, q, List.of("chu", "tich"))) {
      q += 2;
    }
    if (!(matches(t, q, List.of("ubnd", "cac")) || matches(t, q, List.of("uy", "ban", "nhan", "dan", "cac")))) {
      return Optional.empty();
    }
    q += t.get(q).key().equals("ubnd") ? 2 : 5;
    int units = 0;
    int r = q;
    while (r < t.size()) {
      if (matches(t, r, List.of("thanh", "pho")) || matches(t, r, List.of("thi", "xa"))) {
        units++;
        r += 2;
      } else if (UNITS.contains(t.get(r).key())) {
        units++;
        r++;
      } else if (t.get(r).key().equals(",") || t.get(r).key().equals("va")) {
        r++;
      } else {
        break;
      }
    }
    while (r > q && (t.get(r - 1).key().equals(",") || t.get(r - 1).key().equals("va"))) {
      r--;
    }
    if (units >= 1 && (r >= t.size() || place(t, r).isEmpty() && !t.get(r).capital())) {
      String all = AgencyDirectory.ALL_PREFIX + AgencyKind.DISTRICT.code();
      return Optional.of(new Hit(new Mention(List.of(all), words(text, t, p, r)), p, r));
    }
    return Optional.empty();
  }

  /** "UBND các huyện Long Thành, Thống Nhất, Cẩm Mỹ, Xuân Lộc và thành phố Long Khánh". */
  private Optional<Hit> districts(String text, List<Token> t, int p, boolean unknownToo) {
    int q = p;
    if (matches(t, q, List.of("ubnd"))) {
      q += 1;
    } else if (matches(t, q, List.of("uy", "ban", "nhan", "dan"))) {
      q += 4;
    } else {
      return Optional.empty();
    }
    if (matches(t, q, List.of("cac"))) {
      q++;
    }
    if (q >= t.size() || !UNITS.contains(t.get(q).key()) && !matches(t, q, List.of("thanh", "pho"))) {
      return Optional.empty();
    }
    List<String> codes = new ArrayList<>();
    List<Mention> unknown = new ArrayList<>();
    int end = q;
    int r = q;
    while (r < t.size()) {
      int s = r;
      if (matches(t, s, List.of("thanh", "pho")) || matches(t, s, List.of("thi", "xa"))) {
        s += 2;
      } else if (UNITS.contains(t.get(s).key())) {
        s += 1;
      }
      Optional<Map.Entry<List<String>, String>> place = s < t.size() ? place(t, s) : Optional.empty();
      boolean named = s < t.size() && t.get(s).capital() && Character.isLetter(t.get(s).key().charAt(0))
          && !KEYWORDS.contains(t.get(s).key());
      if (place.isPresent()) {
        codes.add(place.get().getValue());
        r = s + place.get().getKey().size();
      } else if (named && (s > r || codes.size() + unknown.size() > 0)) {
        // A place the directory does not know: its capitalised words, up to the next separator.
        int e = s;
        while (e < t.size() && e - s < 4 && t.get(e).capital() && Character.isLetter(t.get(e).key().charAt(0))) {
          e++;
        }
        unknown.add(new Mention(List.of(), words(text, t, r, e)));
        r = e;
      } else {
        break;
      }
      end = r;
      boolean separator = r + 1 < t.size() && (t.get(r).key().equals(",") || t.get(r).key().equals("va"));
      if (separator && !Set.of("ubnd", "uy", "so", "cac").contains(t.get(r + 1).key())) {
        r++;
      } else {
        break;
      }
    }
    if (codes.isEmpty() && unknown.isEmpty()) {
      return Optional.empty();
    }
    if (!unknownToo && !unknown.isEmpty()) {
      return codes.isEmpty() ? Optional.empty()
          : Optional.of(new Hit(new Mention(codes, words(text, t, p, end)), p, end));
    }
    Mention known = codes.isEmpty() ? null : new Mention(codes, words(text, t, p, end));
    if (unknown.isEmpty()) {
      return Optional.of(new Hit(known, p, end));
    }
    // Known and unknown districts in one list: the unknown ones are reported one by one.
    pendingUnknown.addAll(unknown);
    return Optional.of(new Hit(known == null ? unknown.remove(0) : known, p, end));
  }

  /** Unknown districts of a list read last, to be reported with it. */
  private final List<Mention> pendingUnknown = new ArrayList<>();

  /** Reads a list and also returns the unknown places found inside named lists. */
  List<Mention> listWithUnknowns(String text) {
    pendingUnknown.clear();
    List<Mention> out = new ArrayList<>(list(text));
    out.addAll(pendingUnknown);
    pendingUnknown.clear();
    return out;
  }

  private Optional<Map.Entry<List<String>, String>> place(List<Token> t, int p) {
    for (Map.Entry<List<String>, String> e : places) {
      if (matches(t, p, e.getKey())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(List<Token> t, int p, List<String> keys) {
    if (keys.isEmpty() || p + keys.size() > t.size()) {
      return false;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (!t.get(p + i).key().equals(keys.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String words(String text, List<Token> t, int from, int to) {
    if (to <= from) {
      return "";
    }
    return text.substring(t.get(from).start(), t.get(to - 1).end()).strip();
  }

  /** Every code a selector stands for: "all:district" → the district codes. */
  List<String> expand(String selector) {
    return directory.expand(selector).map(l -> l.stream().map(Agency::code).toList()).orElse(List.of(selector));
  }

  /** Codes without repeats, in order. */
  static List<String> distinct(List<String> codes) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(codes));
  }

  static Set<String> set(List<String> l) {
    return new HashSet<>(l);
  }
}
