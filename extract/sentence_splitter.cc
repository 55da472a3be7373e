// The splitter walks the text once and decides at two kinds of places whether a sentence
// ends:
//
//  - After a stop ('.', '?', '!', or a run of them such as "..." or "?!"), together with
//    the closing quotes and brackets that follow it ('said." Then'). The stop must be
//    followed by whitespace, so "3.5", "$1.2", "U.S.-led" and "reuters.com" never end a
//    sentence. A sentence never ends before a lower-case word. A single '.' after an
//    abbreviation is judged by the abbreviation's class (see Abbreviation below).
//
//  - At a line break. A blank line always ends a sentence. A single newline ends one when
//    the line does not end with a stop (a headline, dateline or caption), unless the next
//    line carries on the prose: it starts in lower case, or the line ended on ',', ';' or
//    a word such as "of" or "the" that cannot end a headline.
//
// Looking back for the word before a stop only ever reads that word, and looking ahead
// only reads the whitespace and the word after it, so the whole pass is linear.
#include "extract/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <iterator>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsStop(char c) { return c == '.' || c == '?' || c == '!'; }
bool IsCloser(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }
bool IsOpener(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }

// The bytes at which Run has something to decide: stops and line breaks. Every other
// byte is skipped in a tight loop, and that is nearly all of them.
constexpr std::array<bool, 256> MakeDecisionBytes() {
  std::array<bool, 256> table{};
  for (char c : {'.', '?', '!', '\n'}) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> kDecisionBytes = MakeDecisionBytes();

// The first decision byte of `text` from `i` on, or text.size(). With SSE2, 16 bytes are
// looked at at once: a byte at a time, this loop was two fifths of the splitter's work.
std::size_t NextDecision(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i stops = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('?')),
                                                    _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))));
    const int found = _mm_movemask_epi8(_mm_or_si128(stops, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
    if (found != 0) return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(found)));
  }
#endif
  while (i < text.size() && !kDecisionBytes[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// A fixed list of short words. The word before every full stop is looked up in up to
// three of them, and comparing it with each entry in turn was a percent of extraction:
// a bit per (first byte, length) of the entries turns nearly every other word away with
// one load. Entries are 1 to 15 bytes (a constant that breaks this does not compile).
template <std::size_t N>
class WordList {
 public:
  constexpr WordList(const std::string_view (&words)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
      if (words[i].empty() || words[i].size() > 15) throw "WordList: entries are 1 to 15 bytes";
      words_[i] = words[i];
      shapes_[static_cast<unsigned char>(words[i][0])] |= static_cast<std::uint16_t>(1u << words[i].size());
    }
  }

  bool Contains(std::string_view word) const {
    if (word.empty() || word.size() > 15) return false;
    if (!(shapes_[static_cast<unsigned char>(word[0])] >> word.size() & 1)) return false;
    return std::find(words_.begin(), words_.end(), word) != words_.end();
  }

 private:
  std::array<std::string_view, N> words_{};
  std::array<std::uint16_t, 256> shapes_{};
};

// Titles and other abbreviations that are always followed by more of the same sentence:
// "Mr. Modi", "Gen. Milley", "Russia vs. Ukraine", "e.g. Iran".
constexpr WordList kNeverFinal({
    "Mr",   "Mrs", "Ms",   "Messrs", "Mme",  "Mlle", "Dr",  "Prof", "Gen", "Gens", "Lt",
    "Col",  "Maj", "Capt", "Cpt",    "Sgt",  "Cpl",  "Pvt", "Cmdr", "Adm", "Brig", "Sen",
    "Sens", "Rep", "Reps", "Gov",    "Govs", "Pres", "Amb", "Rev",  "Hon", "Fr",   "Supt",
    "Insp", "Det", "St",   "Mt",     "Ft",   "vs",   "v",   "e.g",  "i.e", "cf",   "viz",
});

// Abbreviations that come before a number: "No. 10", "Art. 5", "approx. 300", "Dec. 5".
// Before a number they never end a sentence; before a capital they are judged like a
// suffix ("in Dec. The talks").
constexpr WordList kBeforeNumber({
    "No",  "Nos", "Art", "Arts", "Vol", "Fig", "Sec", "Ch",  "pp",   "p",   "approx", "ca",
    "Jan", "Feb", "Mar", "Apr",  "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",    "Dec",
});

// Suffixes and other abbreviations that may well end a sentence ("shares of Acme Inc.",
// "Martin Luther King Jr."). Like dotted abbreviations ("U.S.", "a.m."), they end one
// only before a word that typically opens a sentence.
constexpr WordList kSuffixes({
    "Jr",   "Sr",  "Inc", "Corp", "Co",   "Cos",  "Ltd",
    "Bros", "Plc", "PLC", "LLC",  "Dept", "Govt", "Assn",
});

// Words that open sentences far more often than they follow "U.S." or "Inc." inside one.
constexpr WordList kSentenceOpeners({
    "The",  "A",       "An",        "It",    "He",    "She",   "They",  "We",    "I",
    "You",  "This",    "That",      "These", "Those", "There", "Here",  "But",   "And",
    "Or",   "So",      "Yet",       "In",    "On",    "At",    "As",    "After", "Before",
    "When", "While",   "If",        "His",   "Her",   "Its",   "Their", "Our",   "Some",
    "Many", "However", "Meanwhile", "Still", "Then",
});

// Words a line can end on only when the sentence goes on in the next line.
constexpr WordList kContinuingWords({
    "a",    "an",   "the", "of",  "to", "in",  "on", "at",   "for",
    "from", "with", "by",  "and", "or", "but", "as", "that", "than",
});

enum class Abbreviation {
  kNone,          // an ordinary word: the stop ends the sentence
  kInitial,       // "S." in "S. Jaishankar": never final
  kNeverFinal,    // "Mr.", "Gen.", "vs."
  kBeforeNumber,  // "No.", "Dec."
  kSuffix,        // "Inc.", "Jr."
  kDotted,        // "U.S.", "U.K.", "a.m.", "D.C."
};

// `word` is the token before a single '.', without that '.' and without opening quotes
// or brackets: "U.S", "Mr", "S", "2024".
Abbreviation Classify(std::string_view word) {
  if (word.size() == 1 && IsAsciiLetter(word[0])) return Abbreviation::kInitial;
  if (kNeverFinal.Contains(word)) return Abbreviation::kNeverFinal;
  if (kBeforeNumber.Contains(word)) return Abbreviation::kBeforeNumber;
  if (kSuffixes.Contains(word)) return Abbreviation::kSuffix;
  // Dotted: letters in groups of at most three, joined by single dots ("U.S", "Ph.D").
  bool has_dot = false;
  std::size_t group = 0;
  for (char c : word) {
    if (c == '.') {
      if (group == 0) return Abbreviation::kNone;
      has_dot = true;
      group = 0;
    } else if (IsAsciiLetter(c) && group < 3) {
      ++group;
    } else {
      return Abbreviation::kNone;
    }
  }
  return has_dot && group > 0 ? Abbreviation::kDotted : Abbreviation::kNone;
}

class Splitter {
 public:
  Splitter(std::string_view text, std::size_t max_bytes)
      : text_(text), max_bytes_(std::max<std::size_t>(max_bytes, 1)) {}

  std::vector<SentenceSpan> Run() {
    const std::size_t n = text_.size();
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < n) {
      const char c = text_[i];
      if (IsStop(c)) {
        std::size_t end = i + 1;
        while (end < n && IsStop(text_[end])) ++end;
        while (end < n && IsCloser(text_[end])) ++end;
        if (end == n || IsSpace(text_[end])) {
          if (EndsSentence(start, i, end)) {
            Emit(start, end);
            start = end;
          }
        }
        i = end;
      } else if (c == '\n') {
        std::size_t next = i;
        int newlines = 0;
        while (next < n && IsSpace(text_[next])) newlines += text_[next++] == '\n';
        if (newlines >= 2 || LineIsOwnSentence(start, i, next)) {
          Emit(start, i);
          start = next;
        }
        i = next;
      } else {
        i = NextDecision(text_, i + 1);
      }
    }
    Emit(start, n);
    return std::move(sentences_);
  }

 private:
  // Whether the stop run text_[stop, end) (stops, then closers; followed by whitespace or
  // the end of the text) ends the sentence begun at `start`.
  bool EndsSentence(std::size_t start, std::size_t stop, std::size_t end) const {
    std::size_t next = end;
    while (next < text_.size() && IsSpace(text_[next])) ++next;
    if (next == text_.size()) return true;
    std::size_t word = next;
    while (word < text_.size() && IsOpener(text_[word])) ++word;
    if (word < text_.size() && IsAsciiLower(text_[word])) return false;
    // Anything but a single bare '.' ("?", "!", "...", '."') ends the sentence.
    if (end != stop + 1 || text_[stop] != '.') return true;

    std::size_t begin = stop;
    while (begin > 0 && !IsSpace(text_[begin - 1])) --begin;
    while (begin < stop && IsOpener(text_[begin])) ++begin;
    const std::string_view before = text_.substr(begin, stop - begin);
    // "1." or "12." opening a line or sentence numbers a list item.
    if (!before.empty() && before.size() <= 2 &&
        std::all_of(before.begin(), before.end(), IsAsciiDigit)) {
      std::size_t first = begin;
      while (first > start && IsSpace(text_[first - 1])) --first;
      if (first == start) return false;
    }
    const bool before_number = word < text_.size() && IsAsciiDigit(text_[word]);
    switch (Classify(before)) {
      case Abbreviation::kNone:
        return true;
      case Abbreviation::kInitial:
      case Abbreviation::kNeverFinal:
        return false;
      case Abbreviation::kBeforeNumber:
      case Abbreviation::kSuffix:
      case Abbreviation::kDotted:
        return !before_number && kSentenceOpeners.Contains(WordAt(word));
    }
    return true;
  }

  // The run of ASCII letters at `pos`.
  std::string_view WordAt(std::size_t pos) const {
    std::size_t end = pos;
    while (end < text_.size() && IsAsciiLetter(text_[end])) ++end;
    return text_.substr(pos, end - pos);
  }

  // For a single newline at `newline` with the next line starting at `next`: whether the
  // line that it ends (part of the sentence begun at `start`) is a sentence of its own.
  bool LineIsOwnSentence(std::size_t start, std::size_t newline, std::size_t next) const {
    if (next == text_.size()) return false;  // the last Emit takes care of it
    std::size_t last = newline;              // one past the line's last visible byte
    while (last > start && IsSpace(text_[last - 1])) --last;
    if (last == start) return false;  // nothing pending
    // Ends with a stop, perhaps inside quotes: the stop has already been judged.
    std::size_t p = last;
    while (p > start && IsCloser(text_[p - 1])) --p;
    if (p > start && IsStop(text_[p - 1])) return false;
    // The prose goes on in the next line.
    std::size_t word = next;
    while (word < text_.size() && IsOpener(text_[word])) ++word;
    if (word < text_.size() && IsAsciiLower(text_[word])) return false;
    const char end_char = text_[last - 1];
    if (end_char == ',' || end_char == ';') return false;
    std::size_t word_begin = last;
    while (word_begin > start && IsAsciiLetter(text_[word_begin - 1])) --word_begin;
    return !kContinuingWords.Contains(text_.substr(word_begin, last - word_begin));
  }

  // Adds text_[begin, end) without its surrounding whitespace, cut into pieces of at most
  // max_bytes_ if it is longer.
  void Emit(std::size_t begin, std::size_t end) {
    while (true) {
      while (begin < end && IsSpace(text_[begin])) ++begin;
      while (end > begin && IsSpace(text_[end - 1])) --end;
      if (begin == end) return;
      if (end - begin <= max_bytes_) {
        sentences_.push_back({begin, end});
        return;
      }
      const std::size_t cut = CutPoint(begin, begin + max_bytes_);
      sentences_.push_back({begin, cut, /*cut=*/true});
      begin = cut;
      // The piece just added may end in whitespace; trim it.
      SentenceSpan& piece = sentences_.back();
      while (piece.end > piece.begin && IsSpace(text_[piece.end - 1])) --piece.end;
    }
  }

  // Where to cut a sentence that starts at `begin` and may reach no further than `limit`
  // (< its end): at the last whitespace in (begin, limit], so no word is split; in a
  // single word longer than the limit, at the last UTF-8 character boundary.
  std::size_t CutPoint(std::size_t begin, std::size_t limit) const {
    for (std::size_t i = limit; i > begin; --i) {
      if (IsSpace(text_[i])) return i;
    }
    std::size_t i = limit;
    while (i > begin && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) --i;
    if (i > begin) return i;
    // max_bytes_ is smaller than the first character: take the whole character, which is
    // at most 4 bytes even in invalid UTF-8 (a run of stray continuation bytes).
    i = begin + 1;
    while (i < text_.size() && i < begin + 4 &&
           (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) {
      ++i;
    }
    return i;
  }

  std::string_view text_;
  std::size_t max_bytes_;
  std::vector<SentenceSpan> sentences_;
};

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, std::size_t max_sentence_bytes) {
  return Splitter(text, max_sentence_bytes).Run();
}

}  // namespace actorgraph
