// Fuzz check of Extractor::Extract (extract/extractor.h) on any article text: mentions and
// evidence are byte ranges of the document as read, and every relation is carried by
// mentions of its two actors inside its evidence sentence.
#ifndef ACTORGRAPH_FUZZ_EXTRACTOR_CHECK_H_
#define ACTORGRAPH_FUZZ_EXTRACTOR_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "fuzz/fuzz_check.h"

namespace actorgraph::fuzz {

// "", "YYYY", "YYYY-MM" or "YYYY-MM-DD" (digits only; the resolver picks the values).
inline bool IsPartialDate(std::string_view date) {
  if (date.empty()) return true;
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  for (std::size_t i = 0; i < date.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : !(date[i] >= '0' && date[i] <= '9')) return false;
  }
  return true;
}

// The first byte chooses the article's date (none, or one of two), the rest is its text.
inline void CheckExtraction(const Extractor& extractor, const std::uint8_t* data, std::size_t size) {
  Document document;
  document.id = "fuzz";
  document.origin = "fuzz.txt";
  if (size > 0) {
    document.date = data[0] % 3 == 0 ? "" : data[0] % 3 == 1 ? "2022-03-31" : "1999-12-31";
    ++data;
    --size;
  }
  document.text.assign(reinterpret_cast<const char*>(data), size);
  const std::size_t n = document.text.size();

  CountingDiagnostics diagnostics;
  const DocumentExtraction result = extractor.Extract(document, diagnostics);
  FUZZ_CHECK(result.doc == document.id && result.date == document.date, "doc or date changed");

  int last_sentence = 0;
  for (const ActorMention& m : result.mentions) {
    const std::string where = "mention '" + Excerpt(m.actor.name) + "' [" + std::to_string(m.begin) +
                              ", " + std::to_string(m.end) + ") sentence " + std::to_string(m.sentence);
    FUZZ_CHECK(m.begin <= m.end && m.end <= n, where + " outside a text of " + std::to_string(n));
    FUZZ_CHECK(m.sentence >= 1 && m.sentence >= last_sentence, where + ": sentence out of order");
    FUZZ_CHECK(!m.actor.name.empty(), where + ": no name");
    last_sentence = m.sentence;
  }

  for (const Relation& r : result.relations) {
    const Evidence& e = r.evidence;
    const std::string where = "relation " + Excerpt(r.source.name) + " " + r.type + " " +
                              Excerpt(r.target.name) + " in sentence " + std::to_string(e.sentence) +
                              " [" + std::to_string(e.begin) + ", " + std::to_string(e.end) + ")";
    FUZZ_CHECK(e.doc == document.id, where + ": evidence names another document");
    FUZZ_CHECK(e.begin < e.end && e.end <= n, where + " outside a text of " + std::to_string(n));
    FUZZ_CHECK(e.sentence >= 1 && e.sentence <= last_sentence, where + ": no such sentence");
    FUZZ_CHECK(IsValidUtf8(e.sentence_text), where + ": evidence text is not valid UTF-8");
    FUZZ_CHECK(e.sentence_text.find('\n') == std::string::npos, where + ": evidence text spans lines");
    FUZZ_CHECK(r.source.name != r.target.name, where + ": an actor related to itself");
    FUZZ_CHECK(!r.type.empty() && !r.rule.empty(), where + ": no type or rule");
    FUZZ_CHECK(r.family == "cooperation" || r.family == "conflict" || r.family == "neutral",
               where + ": family '" + r.family + "'");
    FUZZ_CHECK(IsPartialDate(r.date), where + ": date '" + Excerpt(r.date) + "'");
    for (const ActorRef* actor : {&r.source, &r.target}) {
      bool mentioned = false;
      for (const ActorMention& m : result.mentions) {
        if (m.sentence == e.sentence && m.actor.name == actor->name && m.begin >= e.begin &&
            m.end <= e.end) {
          mentioned = true;
        }
      }
      FUZZ_CHECK(mentioned, where + ": '" + Excerpt(actor->name) + "' has no mention in the sentence");
    }
  }
}

}  // namespace actorgraph::fuzz

#endif  // ACTORGRAPH_FUZZ_EXTRACTOR_CHECK_H_
