// Text prepared for matching. Scraped news arrives with typographic quotes, dashes,
// non-breaking spaces, HTML entities and tags, and now and then invalid UTF-8. Rules are
// written against plain ASCII punctuation, so the text is normalised once; every byte of
// the normalised text keeps the offset of the original byte it came from, so evidence
// still points into the article as it was read.
#ifndef ACTORGRAPH_EXTRACT_PREPARED_TEXT_H_
#define ACTORGRAPH_EXTRACT_PREPARED_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/diagnostics.h"

namespace actorgraph {

// A plain value: copyable, and independent of the original once made.
struct PreparedText {
  // Valid UTF-8. Typographic quotes and apostrophes become ' and ", dashes -, every
  // Unicode space and NBSP a plain space, an ellipsis "...", zero-width characters and soft
  // hyphens are dropped, "\r\n" and "\r" become "\n". HTML entities (named, decimal,
  // hex, and common mangled forms such as "&amp;quot;" or "&#8217" without ';') are
  // decoded, tags (<p>, <br/>, <a href=...>, comments) are dropped (block tags become a
  // newline so they still end a paragraph), script/style content is dropped, invalid bytes
  // become U+FFFD. Markup is recognised by HTML element name, so a '<' in prose ("a < b",
  // "<Reuters>") stays; decoded text is never read again as markup, so "&lt;p&gt;" is
  // the text "<p>".
  std::string text;
  // The byte offset in the original of text[offset]; ToOriginal(text.size()) is the
  // original's size. So a range [b, e) of `text` is the range [ToOriginal(b),
  // ToOriginal(e)) of the original. Non-decreasing. Bytes copied unchanged map one to
  // one; every byte of a replacement ("'" for "&rsquo;", "\n" for "</p>") maps to the
  // start of what it replaces. Dropped input maps to nothing, so a range that ends right
  // before dropped markup maps to a range that includes that markup ("Lavrov" in
  // "<b>Lavrov</b> said" maps back to "Lavrov</b>"). REQUIRES: offset <= text.size().
  std::size_t ToOriginal(std::size_t offset) const;

  // Where the map of ToOriginal changes course: from text[text_offset] on, bytes map to
  // original_offset and count up from there one to one if `copied`, else all map to it.
  // Ascending by text_offset, the first at 0, the last at text.size(). A map of one
  // offset per byte cost four bytes written for every byte of text, where most articles
  // need only a handful of anchors (one per replacement or dropped stretch).
  struct Anchor {
    std::size_t text_offset = 0;
    std::uint32_t original_offset = 0;
    bool copied = false;
  };
  std::vector<Anchor> anchors;
};

// Prepares `original` (any bytes) in one linear pass. `origin` names the document in
// warnings: at most one warning per document for invalid UTF-8, naming the byte offset of
// the first bad byte ("news.jsonl:3: invalid UTF-8 at byte 1042, replaced"); bytes inside
// dropped markup are not checked. Thread-safe (no shared state besides `diagnostics`).
// REQUIRES: original.size() < 4 GiB.
PreparedText PrepareText(std::string_view original, std::string_view origin,
                         Diagnostics& diagnostics);

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD (one per maximal
// ill-formed subpart, as Unicode recommends); for copying original text (evidence
// sentences) into outputs that must be valid UTF-8. Valid input comes back unchanged.
std::string ValidUtf8(std::string_view bytes);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_PREPARED_TEXT_H_
