// Splits news prose into sentences. News is hard on naive splitters: initials and
// abbreviations ("S. Jaishankar", "U.S.", "Mr.", "Dec. 5", "No. 10", "Gen."), decimals
// ("3.5 percent"), quotes that close after the stop ('... war."'), and headlines, datelines
// and captions that end without any stop. A blank line or a line without final
// punctuation that looks like a headline also ends a sentence.
#ifndef ACTORGRAPH_EXTRACT_SENTENCE_SPLITTER_H_
#define ACTORGRAPH_EXTRACT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace actorgraph {

// A sentence as a byte range of the text it was split from (valid for as long as that
// text is); leading and trailing whitespace is excluded, so begin < end.
struct SentenceSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  // A piece of a sentence longer than the limit, cut here: the sentence goes on in the
  // next span. False for the last piece and for every sentence that was not cut.
  bool cut = false;
};

// The sentences of `text` (normally PreparedText::text: closing quotes are recognised as
// ASCII ' and " only), in order, disjoint. Runs in linear time; thread-safe.
//
// A stop ('.', '?', '!', "...", with the closing quotes or brackets after it) ends a
// sentence only when followed by whitespace and not by a lower-case word. After a single
// '.', the word before it decides: an initial ("S.") or a title ("Mr.", "Gen.", "Sen.",
// "vs.", "e.g.") never ends a sentence; "No.", "Art." and month abbreviations never do
// before a number; dotted abbreviations ("U.S.", "a.m."), company and name suffixes
// ("Inc.", "Ltd.", "Jr.") and those same number abbreviations end one only before a
// common sentence opener ("U.S. The" splits, "U.S. President" does not). A blank line
// always ends a sentence; a single newline ends one when the line has no final stop, unless
// the next line starts in lower case or the line ends with ',', ';' or a word like "of".
//
// Sentences longer than `max_sentence_bytes` are cut at a word boundary (inside a longer
// word, at a UTF-8 character boundary) into pieces no longer than that, so one run-on
// line cannot blow up later stages; every piece but the last has SentenceSpan::cut set.
std::vector<SentenceSpan> SplitSentences(std::string_view text,
                                         std::size_t max_sentence_bytes = 4096);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_SENTENCE_SPLITTER_H_
