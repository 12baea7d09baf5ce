// Text preparation: furniture, sentence segmentation with German/English
// repair, language identification. Table-driven.
#include "ingest/text.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace geotl::ingest;

namespace geotl {
namespace {

std::vector<std::string> Sentences(const std::string& text,
                                   const std::string& lang) {
  PreparedText p = PrepareText(text, lang);
  std::vector<std::string> out;
  for (const Sentence& s : p.sentences)
    out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

struct SegCase {
  const char* lang;
  const char* text;
  std::vector<std::string> want;
};

TEST_CASE("segmentation repairs ordinals and abbreviations", "[text]") {
  const std::vector<SegCase> cases = {
      {"de",
       "Das Treffen fand am 2. November statt. Danach reisten sie ab.",
       {"Das Treffen fand am 2. November statt.", "Danach reisten sie ab."}},
      {"de",
       "Am 2. Nov. 2013 trafen sich die Minister in Tokio.",
       {"Am 2. Nov. 2013 trafen sich die Minister in Tokio."}},
      {"de",
       "Es gibt Probleme, z. B. bei der Abwehr. Das ist klar.",
       {"Es gibt Probleme, z. B. bei der Abwehr.", "Das ist klar."}},
      {"de",
       "Dr. Müller sprach im 20. Jahrhundert. Er ging.",
       {"Dr. Müller sprach im 20. Jahrhundert.", "Er ging."}},
      {"en",
       "The U.S. Navy said on Nov. 3 that it left. Then it came back.",
       {"The U.S. Navy said on Nov. 3 that it left.", "Then it came back."}},
      {"en",
       "President George W. Bush met Mr. Putin. They talked.",
       {"President George W. Bush met Mr. Putin.", "They talked."}},
      {"en",
       "It happened in 2013. The next year was calm.",
       {"It happened in 2013.", "The next year was calm."}},
      {"de",
       "Titel ohne Punkt\nDer erste Satz folgt hier. Der zweite auch.",
       {"Titel ohne Punkt", "Der erste Satz folgt hier.", "Der zweite auch."}},
      {"en",
       "This is a long line of wrapped news text that goes on and on\nand "
       "continues on the next line. A new sentence.",
       {"This is a long line of wrapped news text that goes on and on\nand "
        "continues on the next line.",
        "A new sentence."}},
  };
  for (const SegCase& c : cases) {
    INFO(c.text);
    CHECK(Sentences(c.text, c.lang) == c.want);
  }
}

TEST_CASE("furniture is removed without losing content", "[text]") {
  std::string text =
      "Titel\n\nEin Satz über Japan. Noch einer:\n\nDas ist der Inhalt.\n\n"
      "Chinas Reaktion auf den Schirm:\n\nNordkoreas Reaktion:\n\n"
      "Kommentare\n\nSchreibe den ersten Kommentar für diesen Artikel.\n\n"
      "Hinterlasse eine Antwort\n\nDeine E-Mail-Adresse wird nicht "
      "veröffentlicht. Erforderliche Felder sind markiert *";
  PreparedText p = PrepareText(text, "de");
  std::vector<std::string> s;
  for (auto& x : p.sentences)
    s.push_back(text.substr(x.start, x.end - x.start));
  CHECK(s == std::vector<std::string>{"Titel", "Ein Satz über Japan.",
                                      "Noch einer:", "Das ist der Inhalt."});
  CHECK(p.furniture.size() == 6);
  CHECK(p.language == "de");
}

TEST_CASE("offsets point into the original text", "[text]") {
  std::string text = "  Ünïcödé Satz eins.  Zweiter Satz — mit Strich. ";
  PreparedText p = PrepareText(text, "de");
  REQUIRE(p.sentences.size() == 2);
  CHECK(text.substr(p.sentences[0].start,
                    p.sentences[0].end - p.sentences[0].start) ==
        "Ünïcödé Satz eins.");
  CHECK(text.substr(p.sentences[1].start,
                    p.sentences[1].end - p.sentences[1].start) ==
        "Zweiter Satz — mit Strich.");
}

TEST_CASE("language identification", "[text]") {
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"Russland und Japan wollen die Zusammenarbeit vertiefen, sagte der "
       "Minister.",
       "de"},
      {"Russia and Japan want to deepen their cooperation, the minister said.",
       "en"},
      {"", "en"},
  };
  for (auto& c : cases) CHECK(DetectLanguage(c.text) == c.want);
  CHECK(PrepareText("The army said it was ready.", "auto").language == "en");
}

TEST_CASE("sample article: content kept, footer and captions dropped",
          "[text]") {
  std::ifstream in(std::string(GEOTL_SHARED_DIR) +
                   "/samples/russland-japan-militaerkooperation.de.txt");
  if (!in) return;  // sample not shipped
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  PreparedText p = PrepareText(text, "auto");
  CHECK(p.language == "de");
  std::string all;
  for (auto& s : p.sentences) {
    std::string t = text.substr(s.start, s.end - s.start);
    CHECK(t.find("Hinterlasse") == std::string::npos);
    CHECK(t.find("Reaktion auf den") == std::string::npos);
    all += t + "\n";
  }
  CHECK(all.find(
            "Dazu fand am vergangenen Samstag ein Treffen in Tokio statt.\n") !=
        std::string::npos);
  CHECK(all.find(
            "Russland und Japan beschließen militärische Zusammenarbeit\n") !=
        std::string::npos);
  CHECK(p.furniture.size() == 6);
  CHECK(p.sentences.size() >= 25);
}

}  // namespace
}  // namespace geotl
