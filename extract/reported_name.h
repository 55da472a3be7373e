// Finds the subject of a reporting verb written as a name: "Daleep Singh warned", "Ravi
// Kumar Singh said": two or three capitalised words, a space, one of the verbs. The
// actor finder makes a person of such a name when nobody listed it.
#ifndef ACTORGRAPH_EXTRACT_REPORTED_NAME_H_
#define ACTORGRAPH_EXTRACT_REPORTED_NAME_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace actorgraph {

// Immutable after construction; safe to share between threads.
class ReportedNameMatcher {
 public:
  // `verbs` are matched case-sensitively, the longest first. Throws Error if they make
  // no valid pattern.
  explicit ReportedNameMatcher(const std::vector<std::string>& verbs);
  ~ReportedNameMatcher();
  ReportedNameMatcher(const ReportedNameMatcher&) = delete;
  ReportedNameMatcher& operator=(const ReportedNameMatcher&) = delete;

  struct Match {
    std::size_t name_begin = 0;  // the capitalised words
    std::size_t name_end = 0;
    std::size_t end = 0;  // the end of the verb
  };

  // The leftmost match of the pattern
  //   (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}) (verb|verb|...)\b
  // that lies in text[from, to), with RE2's leftmost-first choice among matches that
  // start there. `text` past `to` is seen only by the \b after the verb. Starts decided
  // by ASCII bytes alone are matched by hand, ten times cheaper than the regex and with
  // the same answer; the regex decides the others.
  bool Find(std::string_view text, std::size_t from, std::size_t to, Match* found) const;

  // The same, always with the regex. For tests of the hand-written path.
  bool FindWithRegex(std::string_view text, std::size_t from, std::size_t to, Match* found) const;

  // The length of the longest verb: a match ends at most this far after the verb starts.
  std::size_t longest_verb() const { return verbs_.empty() ? 0 : verbs_.front().size(); }

 private:
  enum class Outcome { kMatch, kNoMatch, kAskTheRegex };
  // The match anchored at `start` by hand, or kAskTheRegex if a non-ASCII byte would
  // decide it.
  Outcome MatchAsciiAt(std::string_view text, std::size_t start, std::size_t to, Match* found) const;
  bool MatchRegexAt(std::string_view text, std::size_t start, std::size_t to, Match* found) const;

  std::vector<std::string> verbs_;  // longest first, as the regex tries them
  std::unique_ptr<re2::RE2> regex_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_REPORTED_NAME_H_
