// The three renderings of a briefing tree: Markdown, standalone HTML, text.
#include <cstdio>

#include "timeline/brief_model.h"
#include "timeline/brief_phrases.h"

namespace geotl::timeline {
namespace {

std::string MoreText(int n, const std::string& lang) {
  std::string w = Word("more", lang);
  auto pos = w.find("%d");
  return pos == std::string::npos ? w : w.replace(pos, 2, std::to_string(n));
}

std::string SourcesLabel(const BriefItem& it, const std::string& lang) {
  return Word(it.sources.size() + it.hidden_sources > 1 ? "sources" : "source",
              lang);
}

// Markdown: backslash-escape characters that would change the meaning.
std::string Md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos)
      out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string MdUrl(std::string_view u) {
  std::string out;
  for (char c : u) {
    if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

// Only http(s) links become anchors: no javascript: from a hostile feed.
bool SafeUrl(std::string_view u) {
  return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0;
}

std::string MdSources(const BriefItem& it, const std::string& lang) {
  std::string s = SourcesLabel(it, lang) + ": ";
  for (size_t i = 0; i < it.sources.size(); ++i) {
    const auto& r = it.sources[i];
    if (i) s += "; ";
    s += SafeUrl(r.url) ? "[" + Md(r.label) + "](" + MdUrl(r.url) + ")"
                        : Md(r.label);
    if (!r.date.empty()) s += ", " + Md(r.date);
  }
  if (it.hidden_sources) s += "; " + Md(MoreText(it.hidden_sources, lang));
  if (!it.evidence.empty()) s += " (" + Md(it.evidence) + ")";
  return s;
}

std::string TextSources(const BriefItem& it, const std::string& lang) {
  std::string s = SourcesLabel(it, lang) + ": ";
  for (size_t i = 0; i < it.sources.size(); ++i) {
    const auto& r = it.sources[i];
    if (i) s += "; ";
    s += r.label;
    if (!r.date.empty()) s += ", " + r.date;
    if (!r.url.empty()) s += " <" + r.url + ">";
  }
  if (it.hidden_sources) s += "; " + MoreText(it.hidden_sources, lang);
  if (!it.evidence.empty()) s += " (" + it.evidence + ")";
  return s;
}

std::string ThreadHead(const BriefGroup& g, const std::string& lang) {
  return g.thread + " (" + Word("ongoing", lang) + ", " +
         std::to_string(g.thread_events) + " " + Word("events", lang) + ")";
}

constexpr const char* kCss =
    R"(body{font-family:Georgia,"Times New Roman",serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1{font-size:1.5em;margin-bottom:.2em}
.sub{color:#555;margin-top:0}
h2{font-size:1.1em;border-bottom:1px solid #ccc;margin-top:1.4em}
ul{padding-left:1.2em}
li{margin:.25em 0}
.thread{font-weight:bold}
.src{color:#555;font-size:.9em}
.changes{border:1px solid #ccc;padding:.4em .8em;background:#f7f7f7}
footer{color:#777;font-size:.8em;margin-top:2em}
a{color:#1a4d8f}
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}a[href]:after{content:" <" attr(href) ">";font-size:.8em;color:#555}h2{break-after:avoid;page-break-after:avoid}li{break-inside:avoid;page-break-inside:avoid}.changes{background:none}}
@page{margin:2cm}
)";

void HtmlItem(const BriefItem& it, const std::string& lang, std::string* out) {
  std::string& o = *out;
  o += "<li id=\"" + HtmlEscape(it.id) + "\">" + HtmlEscape(it.text) +
       " <span class=\"src\">— " + HtmlEscape(SourcesLabel(it, lang)) + ": ";
  for (size_t i = 0; i < it.sources.size(); ++i) {
    const auto& r = it.sources[i];
    if (i) o += "; ";
    o += SafeUrl(r.url) ? "<a href=\"" + HtmlEscape(r.url) + "\">" +
                              HtmlEscape(r.label) + "</a>"
                        : HtmlEscape(r.label);
    if (!r.date.empty()) o += ", " + HtmlEscape(r.date);
  }
  if (it.hidden_sources)
    o += "; " + HtmlEscape(MoreText(it.hidden_sources, lang));
  if (!it.evidence.empty()) o += " (" + HtmlEscape(it.evidence) + ")";
  o += "</span></li>\n";
}

}  // namespace

std::string RenderMarkdown(const BriefDoc& d) {
  std::string o = "# " + Md(d.title) + "\n\n";
  if (!d.subtitle.empty()) o += "*" + Md(d.subtitle) + "*\n\n";
  if (!d.changes_heading.empty()) {
    o += "> **" + Md(d.changes_heading) + "**  \n";
    for (size_t i = 0; i < d.change_lines.size(); ++i)
      o += "> " + Md(d.change_lines[i]) +
           (i + 1 < d.change_lines.size() ? "  \n" : "\n");
    o += "\n";
  }
  if (d.periods.empty()) o += Md(d.empty_text) + "\n\n";
  for (const auto& p : d.periods) {
    o += "## " + Md(p.heading) + "\n\n";
    for (const auto& g : p.groups) {
      std::string indent;
      if (!g.thread.empty()) {
        o += "- **" + Md(ThreadHead(g, d.lang)) + "**\n";
        indent = "  ";
      }
      for (const auto& it : g.items)
        o += indent + "- " + Md(it.text) + " — " + MdSources(it, d.lang) + "\n";
    }
    o += "\n";
  }
  o += "---\n\n*" + Md(d.footer) + "*\n";
  return o;
}

std::string RenderText(const BriefDoc& d) {
  size_t width = 0;  // code points, for the underline
  for (unsigned char c : d.title) width += (c & 0xC0) != 0x80;
  std::string o = d.title + "\n" + std::string(width, '=') + "\n";
  if (!d.subtitle.empty()) o += d.subtitle + "\n";
  o += "\n";
  if (!d.changes_heading.empty()) {
    o += d.changes_heading + "\n";
    for (const auto& l : d.change_lines) o += "  " + l + "\n";
    o += "\n";
  }
  if (d.periods.empty()) o += d.empty_text + "\n\n";
  for (const auto& p : d.periods) {
    o += p.heading + "\n";
    for (const auto& g : p.groups) {
      std::string indent = "  ";
      if (!g.thread.empty()) {
        o += "  " + ThreadHead(g, d.lang) + "\n";
        indent = "    ";
      }
      for (const auto& it : g.items)
        o += indent + "- " + it.text + " — " + TextSources(it, d.lang) + "\n";
    }
    o += "\n";
  }
  o += d.footer + "\n";
  return o;
}

std::string RenderHtml(const BriefDoc& d) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"" + HtmlEscape(d.lang) +
                  "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, "
                  "initial-scale=1\">\n<title>" +
                  HtmlEscape(d.title) + "</title>\n<style>\n" + kCss +
                  "</style>\n</head>\n<body>\n<header>\n<h1>" +
                  HtmlEscape(d.title) + "</h1>\n";
  if (!d.subtitle.empty())
    o += "<p class=\"sub\">" + HtmlEscape(d.subtitle) + "</p>\n";
  o += "</header>\n<main>\n";
  if (!d.changes_heading.empty()) {
    o += "<section class=\"changes\">\n<p><strong>" +
         HtmlEscape(d.changes_heading) + "</strong></p>\n<ul>\n";
    for (const auto& l : d.change_lines)
      o += "<li>" + HtmlEscape(l) + "</li>\n";
    o += "</ul>\n</section>\n";
  }
  if (d.periods.empty()) o += "<p>" + HtmlEscape(d.empty_text) + "</p>\n";
  for (const auto& p : d.periods) {
    o += "<section class=\"day\">\n<h2>" + HtmlEscape(p.heading) +
         "</h2>\n<ul>\n";
    for (const auto& g : p.groups) {
      if (g.thread.empty()) {
        for (const auto& it : g.items) HtmlItem(it, d.lang, &o);
        continue;
      }
      o += "<li><span class=\"thread\">" + HtmlEscape(ThreadHead(g, d.lang)) +
           "</span>\n<ul>\n";
      for (const auto& it : g.items) HtmlItem(it, d.lang, &o);
      o += "</ul>\n</li>\n";
    }
    o += "</ul>\n</section>\n";
  }
  o += "</main>\n<footer>" + HtmlEscape(d.footer) +
       "</footer>\n</body>\n</html>\n";
  return o;
}

}  // namespace geotl::timeline
