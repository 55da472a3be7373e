// Which of a fixed set of ASCII literals occur in a text, ignoring case as RE2 does, in
// one pass over the text's bytes (an Aho-Corasick automaton with every transition
// precomputed). The relation rules' prefilter asks it for the literals ("atoms") that
// RE2's FilteredRE2 finds in the patterns, once per sentence: an RE2::Set of the same
// literals answered the same question several times more slowly.
#ifndef ACTORGRAPH_EXTRACT_LITERAL_SCANNER_H_
#define ACTORGRAPH_EXTRACT_LITERAL_SCANNER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// Immutable after construction; Scan is const and safe to call from several threads.
class LiteralScanner {
 public:
  // REQUIRES: every literal is ASCII (IsAscii). Literal i is reported as bit i; an empty
  // literal occurs in every text.
  explicit LiteralScanner(const std::vector<std::string>& literals);

  static bool IsAscii(std::string_view literal);

  std::size_t size() const { return literals_; }

  // Sets `found` to a bit per literal, bit i (found[i / 64] >> (i % 64) & 1) set when
  // literal i occurs in `text`: its bytes in order, each ASCII letter in either case, and
  // as RE2 folds case in UTF-8, an 's' also as U+017F (long s) and a 'k' also as U+212A
  // (Kelvin sign). Exactly the literals an RE2::Set of them, case-insensitive and
  // unanchored, would report. If `last_ends` is not null, it is resized to size() and
  // (*last_ends)[i] set to where the last occurrence of literal i ends, for each literal
  // found; its other elements are left as they were. An occurrence that holds a folded
  // character is longer than its literal.
  void Scan(std::string_view text, std::vector<std::uint64_t>* found,
            std::vector<std::uint32_t>* last_ends = nullptr) const;

 private:
  // In a transition: the state it leads to ends a literal (itself or by a suffix).
  template <typename Entry>
  static constexpr Entry Reports() {
    return static_cast<Entry>(Entry{1} << (8 * sizeof(Entry) - 1));
  }
  static constexpr std::size_t kMaxNarrowStates = 1 << 15;

  template <typename Entry, bool kEnds>
  void ScanWith(const std::vector<Entry>& next, std::string_view text, std::uint64_t* found,
                std::uint32_t* last_ends) const;

  std::size_t literals_ = 0;
  int classes_ = 1;  // byte classes; class 0 is every byte no literal holds
  // Byte -> class; an uppercase letter has its lowercase letter's class. kFoldLead for
  // the first byte of U+017F or U+212A when 's' or 'k' has a class.
  std::uint8_t class_of_[256] = {};
  static constexpr std::uint8_t kFoldLead = 0xFF;
  std::uint8_t s_class_ = 0, k_class_ = 0;
  // ((state << shift_) + class) -> next state, with Reports() set when that state ends a
  // literal. State 0 is the start. Entries of 16 bits when there are few enough states,
  // which halves the cache lines the scan touches; of 32 otherwise (the other is empty).
  int shift_ = 0;
  std::vector<std::uint16_t> next16_;
  std::vector<std::uint32_t> next32_;
  // The literals state s ends: reports_[report_begin_[s], report_begin_[s + 1]).
  std::vector<std::uint32_t> report_begin_;
  std::vector<std::uint32_t> reports_;
  std::vector<std::uint32_t> always_;  // empty literals
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_LITERAL_SCANNER_H_
