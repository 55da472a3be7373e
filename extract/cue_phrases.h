// Cue phrases: a set of words or phrases ("refrained from", "will", "n't") found as whole
// words, ignoring case, in the words of a relation. Extractor reads negation and
// modality from them. Most relations hold none of the phrases, so a search first asks
// a literal scanner whether any phrase occurs at all and runs the RE2 only if one does.
#ifndef ACTORGRAPH_EXTRACT_CUE_PHRASES_H_
#define ACTORGRAPH_EXTRACT_CUE_PHRASES_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/literal_scanner.h"

namespace re2 {
class RE2;
}

namespace actorgraph {

// Immutable after construction; its methods are const and safe to call from several
// threads.
class CuePhrases {
 public:
  // REQUIRES: no phrase is empty. A phrase that starts with a letter or digit (other
  // than "n'") must start a word; every phrase must end one.
  explicit CuePhrases(const std::vector<std::string>& phrases);
  ~CuePhrases();
  CuePhrases(const CuePhrases&) = delete;
  CuePhrases& operator=(const CuePhrases&) = delete;

  // The first cue in `text` that starts at or after `pos` (word boundaries are judged
  // on the whole of `text`), as a view into `text`; nullopt if there is none.
  std::optional<std::string_view> Find(std::string_view text, std::size_t pos) const;

  // False only if Find(text, pos) is nullopt for every pos: no phrase occurs in `text`
  // even as part of a word. Cheaper than a Find that finds nothing.
  bool MayOccur(std::string_view text) const;

 private:
  std::unique_ptr<re2::RE2> pattern_;
  // Every phrase as a literal; absent if a phrase is not ASCII, which the scanner does
  // not fold as RE2 does.
  std::optional<LiteralScanner> literals_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_CUE_PHRASES_H_
