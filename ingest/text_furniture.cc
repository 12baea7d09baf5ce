#include "ingest/text_furniture.h"

#include <array>
#include <string>

namespace geotl::ingest {
namespace {

// Whole-line furniture: share buttons, section markers of comment areas.
constexpr std::array<std::string_view, 42> kExact = {
    "kommentare",      "kommentar",       "comments",    "comment",
    "share",           "teilen",          "drucken",     "print",
    "tweet",           "facebook",        "twitter",     "whatsapp",
    "e-mail",          "email",           "linkedin",    "xing",
    "pinterest",       "reddit",          "telegram",    "weiterlesen",
    "mehr zum thema",  "read more",       "related",     "related articles",
    "related stories", "advertisement",   "anzeige",     "werbung",
    "newsletter",      "nach oben",       "back to top", "zurück",
    "antworten",       "reply",           "teilen:",     "share:",
    "share this:",     "weitere artikel", "mehr lesen",  "x",
    "mastodon",        "artikel teilen"};

// Line starts of comment forms, subscription prompts and credits.
constexpr std::array<std::string_view, 38> kPrefix = {
    "hinterlasse eine antwort",
    "hinterlasse einen kommentar",
    "schreibe den ersten kommentar",
    "schreiben sie den ersten kommentar",
    "deine e-mail-adresse wird nicht",
    "ihre e-mail-adresse wird nicht",
    "erforderliche felder sind",
    "leave a reply",
    "leave a comment",
    "your email address will not",
    "required fields are marked",
    "be the first to comment",
    "share this",
    "share on ",
    "teilen auf ",
    "auf facebook teilen",
    "jetzt kommentieren",
    "kommentar schreiben",
    "post a comment",
    "sign up for our",
    "subscribe to our",
    "melden sie sich für",
    "abonnieren sie",
    "click here",
    "hier klicken",
    "alle rechte vorbehalten",
    "all rights reserved",
    "copyright ",
    "\xc2\xa9",  // ©
    "lesen sie auch:",
    "read also:",
    "also read:",
    "bildquelle:",
    "this site uses cookies",
    "diese website verwendet cookies",
    "wir verwenden cookies",
    "we use cookies",
    "name (erforderlich)"};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  auto blank = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
  };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  // U+00A0 no-break space at either end.
  while (s.size() >= 2 && s.substr(0, 2) == "\xc2\xa0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xc2\xa0")
    s.remove_suffix(2);
  return s;
}

bool IsBlank(std::string_view s) { return Trim(s).empty(); }

// A caption or lead-in: short line ending in a colon.
bool IsColonLine(std::string_view line) {
  std::string_view t = Trim(line);
  return !t.empty() && t.size() < 160 && t.back() == ':';
}

}  // namespace

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back({start, i});
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back({start, text.size()});
  return lines;
}

bool IsFurniturePhrase(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty() || t.size() > 240) return false;
  std::string lower = LowerAscii(t);
  for (std::string_view e : kExact) {
    if (lower == e) return true;
  }
  for (std::string_view p : kPrefix) {
    if (lower.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

std::vector<bool> FurnitureLines(std::string_view text,
                                 const std::vector<Line>& lines) {
  std::vector<bool> out(lines.size(), false);
  auto line_text = [&](size_t i) {
    return text.substr(lines[i].start, lines[i].end - lines[i].start);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    out[i] = IsFurniturePhrase(line_text(i));
  }
  // Empty captions: a colon line whose next non-blank line is furniture,
  // another colon line, or the end of the text. Bottom-up so that a run of
  // captions before a comment form goes as a whole.
  bool next_is_end_or_furniture = true;
  for (size_t k = lines.size(); k-- > 0;) {
    std::string_view l = line_text(k);
    if (IsBlank(l)) continue;
    if (!out[k] && IsColonLine(l) && next_is_end_or_furniture) out[k] = true;
    next_is_end_or_furniture = out[k];
  }
  return out;
}

}  // namespace geotl::ingest
