// The automaton is the trie of the literals (lowercased) with every missing transition
// filled in from the longest proper suffix that is a trie state, so the scan takes one
// table lookup per byte and never backs up. Bytes are first mapped to classes (one per
// byte the literals hold, in either case, and one for all others) to keep the table
// small. The two non-ASCII characters RE2 folds onto ASCII letters are three- and
// two-byte sequences; their first bytes map to a class of their own, which the scan
// resolves by looking at the bytes after it.
#include "extract/literal_scanner.h"

#include <array>

#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

constexpr unsigned char kLongSLead = 0xC5;   // U+017F: C5 BF
constexpr unsigned char kKelvinLead = 0xE2;  // U+212A: E2 84 AA

}  // namespace

bool LiteralScanner::IsAscii(std::string_view literal) {
  for (char c : literal) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

LiteralScanner::LiteralScanner(const std::vector<std::string>& literals) : literals_(literals.size()) {
  // Byte classes.
  for (const std::string& literal : literals) {
    for (char c : literal) {
      unsigned char lower = static_cast<unsigned char>(AsciiLower(c));
      if (class_of_[lower] != 0) continue;
      class_of_[lower] = static_cast<std::uint8_t>(classes_++);
      if (lower >= 'a' && lower <= 'z') class_of_[lower - 'a' + 'A'] = class_of_[lower];
    }
  }
  s_class_ = class_of_[static_cast<unsigned char>('s')];
  k_class_ = class_of_[static_cast<unsigned char>('k')];
  if (s_class_) class_of_[kLongSLead] = kFoldLead;
  if (k_class_) class_of_[kKelvinLead] = kFoldLead;

  // The trie: goto[state][class], 0 for none (no transition leads back to the start).
  std::vector<std::vector<std::uint32_t>> go(1, std::vector<std::uint32_t>(classes_, 0));
  std::vector<std::vector<std::uint32_t>> ends(1);  // literals each state ends
  for (std::size_t i = 0; i < literals.size(); ++i) {
    if (literals[i].empty()) {
      always_.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    std::uint32_t state = 0;
    for (char c : literals[i]) {
      std::uint8_t cls = class_of_[static_cast<unsigned char>(c)];
      if (go[state][cls] == 0) {
        go[state][cls] = static_cast<std::uint32_t>(go.size());
        go.emplace_back(classes_, 0);
        ends.emplace_back();
      }
      state = go[state][cls];
    }
    ends[state].push_back(static_cast<std::uint32_t>(i));
  }

  // Breadth first, each state's missing transitions are those of its suffix state, whose
  // transitions are complete by then; a state also ends what its suffix state ends.
  const std::size_t states = go.size();
  std::vector<std::uint32_t> suffix(states, 0);
  std::vector<std::uint32_t> order = {0};  // breadth-first
  for (std::size_t k = 0; k < order.size(); ++k) {
    std::uint32_t state = order[k];
    if (state != 0) {
      const std::vector<std::uint32_t>& inherited = ends[suffix[state]];
      ends[state].insert(ends[state].end(), inherited.begin(), inherited.end());
    }
    for (int c = 0; c < classes_; ++c) {
      std::uint32_t target = go[state][c];
      if (target != 0 && state == 0) {
        order.push_back(target);  // suffix 0
      } else if (target != 0) {
        suffix[target] = go[suffix[state]][c];
        order.push_back(target);
      } else if (state != 0) {
        go[state][c] = go[suffix[state]][c];
      }
    }
  }

  // States are numbered in breadth-first order, so that the few near the start, where
  // the scan spends most of its time, share cache lines.
  std::vector<std::uint32_t> number(states);
  for (std::size_t k = 0; k < states; ++k) number[order[k]] = static_cast<std::uint32_t>(k);
  while ((1 << shift_) < classes_) ++shift_;
  const bool narrow = states <= kMaxNarrowStates;
  (narrow ? next16_.resize(states << shift_) : next32_.resize(states << shift_));
  report_begin_.reserve(states + 1);
  for (std::size_t k = 0; k < states; ++k) {
    std::uint32_t state = order[k];
    for (int c = 0; c < classes_; ++c) {
      std::uint32_t target = go[state][c];
      bool reports = !ends[target].empty();
      if (narrow) {
        next16_[(k << shift_) + c] =
            static_cast<std::uint16_t>(number[target] | (reports ? Reports<std::uint16_t>() : 0));
      } else {
        next32_[(k << shift_) + c] = number[target] | (reports ? Reports<std::uint32_t>() : 0);
      }
    }
    report_begin_.push_back(static_cast<std::uint32_t>(reports_.size()));
    reports_.insert(reports_.end(), ends[state].begin(), ends[state].end());
  }
  report_begin_.push_back(static_cast<std::uint32_t>(reports_.size()));
}

void LiteralScanner::Scan(std::string_view text, std::vector<std::uint64_t>* found,
                          std::vector<std::uint32_t>* last_ends) const {
  found->assign((literals_ + 63) / 64, 0);
  if (last_ends) last_ends->resize(literals_);
  for (std::uint32_t literal : always_) {
    (*found)[literal / 64] |= std::uint64_t{1} << (literal % 64);
    if (last_ends) (*last_ends)[literal] = static_cast<std::uint32_t>(text.size());
  }
  std::uint64_t* bits = found->data();
  std::uint32_t* ends = last_ends ? last_ends->data() : nullptr;
  if (!next16_.empty() && ends) {
    ScanWith<std::uint16_t, true>(next16_, text, bits, ends);
  } else if (!next16_.empty()) {
    ScanWith<std::uint16_t, false>(next16_, text, bits, nullptr);
  } else if (ends) {
    ScanWith<std::uint32_t, true>(next32_, text, bits, ends);
  } else {
    ScanWith<std::uint32_t, false>(next32_, text, bits, nullptr);
  }
}

template <typename Entry, bool kEnds>
void LiteralScanner::ScanWith(const std::vector<Entry>& next_of, std::string_view text, std::uint64_t* bits,
                              std::uint32_t* last_ends) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // In locals: a store to `bits` or `last_ends` might, for all the compiler knows, change
  // the members, which it would then read again for every byte.
  const std::uint8_t* class_of = class_of_;
  const Entry* next_states = next_of.data();
  const int shift = shift_;
  // The state in 32 bits, the report bit taken out with a 32-bit mask, and a pointer for
  // the position: with the state kept as an Entry and an index, the compiler masked the
  // state twice, widened it again and kept two copies of the index, 19 instructions a
  // byte where these take 15.
  constexpr std::uint32_t kReports = Reports<Entry>();
  std::uint32_t state = 0;
  const unsigned char* const end = bytes + text.size();
  for (const unsigned char* p = bytes; p < end; ++p) {
    std::uint32_t cls = class_of[*p];
    if (cls == kFoldLead) [[unlikely]] {
      if (*p == kLongSLead && end - p > 1 && p[1] == 0xBF) {
        cls = s_class_;
        p += 1;
      } else if (*p == kKelvinLead && end - p > 2 && p[1] == 0x84 && p[2] == 0xAA) {
        cls = k_class_;
        p += 2;
      } else {
        cls = 0;
      }
    }
    const std::uint32_t next = next_states[(state << shift) | cls];  // cls < 1 << shift
    state = next & ~kReports;
    if (next & kReports) [[unlikely]] {
      for (std::uint32_t r = report_begin_[state]; r < report_begin_[state + 1]; ++r) {
        bits[reports_[r] / 64] |= std::uint64_t{1} << (reports_[r] % 64);
        if constexpr (kEnds) last_ends[reports_[r]] = static_cast<std::uint32_t>(p + 1 - bytes);
      }
    }
  }
}

}  // namespace actorgraph
