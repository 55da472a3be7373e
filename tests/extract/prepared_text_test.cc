#include "extract/prepared_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include "extract/diagnostics.h"

namespace actorgraph {
namespace {

PreparedText Prepare(std::string_view original) {
  CollectingDiagnostics diagnostics;
  return PrepareText(original, "test.txt", diagnostics);
}

// The original bytes that text[begin, end) came from.
std::string_view OriginalOf(const PreparedText& prepared, std::string_view original,
                            std::size_t begin, std::size_t end) {
  const std::size_t b = prepared.ToOriginal(begin);
  const std::size_t e = prepared.ToOriginal(end);
  return original.substr(b, e - b);
}

// What every prepared text must satisfy, whatever the input.
void ExpectInvariants(std::string_view original, const PreparedText& prepared) {
  EXPECT_EQ(prepared.ToOriginal(prepared.text.size()), original.size()) << original;
  for (std::size_t i = 1; i <= prepared.text.size(); ++i) {
    ASSERT_LE(prepared.ToOriginal(i - 1), prepared.ToOriginal(i))
        << "offset map decreases at " << i << " for " << original;
  }
  EXPECT_EQ(ValidUtf8(prepared.text), prepared.text) << "not valid UTF-8: " << original;
}

struct NormalisationCase {
  const char* original;
  const char* expected;
};

// Typographic punctuation and Unicode spaces, as scraped articles carry them.
constexpr NormalisationCase kPunctuationCases[] = {
    {"plain ASCII stays as it is.", "plain ASCII stays as it is."},
    {"Kyiv\u2019s allies", "Kyiv's allies"},                                       // ’
    {"\u2018historic\u2019 talks", "'historic' talks"},                            // ‘ ’
    {"\u201AQuote\u201B and 5\u2032", "'Quote' and 5'"},                           // ‚ ‛ ′
    {"\u201CWe will not yield,\u201D he said", "\"We will not yield,\" he said"},  // “ ”
    {"\u201EFrieden\u201C", "\"Frieden\""},                                        // „ “
    {"\u00ABla paix\u00BB", "\"la paix\""},                                        // « »
    {"2022\u201323", "2022-23"},                                                   // –
    {"Moscow\u2014and Beijing", "Moscow-and Beijing"},                             // —
    {"a\u2012b\u2015c\u22121", "a-b-c-1"},                                         // ‒ ― −
    {"New\u00A0Delhi", "New Delhi"},                                               // NBSP
    {"10\u2009km and 5\u202F%", "10 km and 5 %"},                                  // thin, narrow
    {"ideo\u3000graphic space", "ideo graphic space"},                             // U+3000
    {"Zelen\u200Bsky", "Zelensky"},                                                // ZWSP
    {"\uFEFFHeadline", "Headline"},                                                // BOM
    {"non\u00ADaligned", "nonaligned"},                                            // soft hyphen
    {"a\u200Cb\u200Dc\u2060d", "abcd"},                                            // ZWNJ ZWJ WJ
    {"and then\u2026 silence", "and then... silence"},                             // …
    {"line one\r\nline two\rline three", "line one\nline two\nline three"},
    {"Jos\u00E9 and Z\u00FCrich keep accents", "Jos\u00E9 and Z\u00FCrich keep accents"},
    {"\u4E2D\u56FD stays", "\u4E2D\u56FD stays"},  // 中国
};

TEST(PreparedText, NormalisesPunctuationAndSpaces) {
  for (const NormalisationCase& c : kPunctuationCases) {
    const PreparedText prepared = Prepare(c.original);
    EXPECT_EQ(prepared.text, c.expected) << "input: " << c.original;
    ExpectInvariants(c.original, prepared);
  }
}

constexpr NormalisationCase kEntityCases[] = {
    {"Trade &amp; security", "Trade & security"},
    {"&lt;b&gt; stays text", "<b> stays text"},
    {"&quot;No deal,&quot; she said", "\"No deal,\" she said"},
    {"Beijing&apos;s view", "Beijing's view"},
    {"New&nbsp;York", "New York"},
    {"Kyiv&rsquo;s &lsquo;red lines&rsquo;", "Kyiv's 'red lines'"},
    {"&ldquo;Enough&rdquo;", "\"Enough\""},
    {"2014&ndash;2022 &mdash; eight years", "2014-2022 - eight years"},
    {"and so on&hellip;", "and so on..."},
    {"Caf&eacute; in S&atilde;o Paulo, M&uuml;nchen, Fran&ccedil;ois",
     "Caf\u00E9 in S\u00E3o Paulo, M\u00FCnchen, Fran\u00E7ois"},
    {"&Eacute;lys&eacute;e", "\u00C9lys\u00E9e"},
    {"&euro;5 billion, &pound;3 million", "\u20AC5 billion, \u00A33 million"},
    {"co&shy;operation", "cooperation"},
    // Numeric references, decimal and hex.
    {"Kyiv&#8217;s", "Kyiv's"},
    {"Kyiv&#x2019;s and &#X201C;x&#x201d;", "Kyiv's and \"x\""},
    {"&#38; &#60; &#233;", "& < \u00E9"},
    {"&#160;gap", " gap"},
    // Windows-1252 numbers, as browsers read them: &#146; is a right quote.
    {"Delhi&#146;s &#147;plan&#148; &#150; now", "Delhi's \"plan\" - now"},
    // Out of range or null references become U+FFFD.
    {"bad &#0; &#1114112; &#xD800;", "bad \uFFFD \uFFFD \uFFFD"},
    {"huge &#99999999999999999999;", "huge \uFFFD"},
    // Mangled forms from scrapers: no ';', escaped twice.
    {"Ankara&#8217s position", "Ankara's position"},
    {"AT&amp T and Q&amp;A", "AT& T and Q&A"},
    {"&amp;quot;ceasefire&amp;quot;", "\"ceasefire\""},
    {"Tehran&amp;#8217;s reply", "Tehran's reply"},
    {"&amp;amp;quot;", "&quot;"},
    {"&amp;nbsp;", " "},
    // Not references: left as they are.
    {"R&D spending", "R&D spending"},
    {"Johnson & Johnson", "Johnson & Johnson"},
    {"&copyright", "&copyright"},
    {"&ampersand", "&ampersand"},
    {"&unknown; &#; &#x; &", "&unknown; &#; &#x; &"},
};

TEST(PreparedText, DecodesEntities) {
  for (const NormalisationCase& c : kEntityCases) {
    const PreparedText prepared = Prepare(c.original);
    EXPECT_EQ(prepared.text, c.expected) << "input: " << c.original;
    ExpectInvariants(c.original, prepared);
  }
}

constexpr NormalisationCase kMarkupCases[] = {
    {"<p>Talks resumed.</p><p>No deal yet.</p>", "\nTalks resumed.\n\nNo deal yet.\n"},
    {"First line<br/>second line<br>third<BR />", "First line\nsecond line\nthird\n"},
    {"<div class=\"story\">Text</div>", "\nText\n"},
    {"<a href=\"https://example.org/a?b=1&c=2\">Ministry</a> said", "Ministry said"},
    {"<a href='x>y'>quoted</a>", "quoted"},
    {"<b>Lav</b>rov and <i>Blinken</i>", "Lavrov and Blinken"},
    {"<span style=\"color:red\">red</span>", "red"},
    {"<ul><li>One</li><li>Two</li></ul>", "\n\nOne\n\nTwo\n\n"},
    {"<h1>Headline</h1><h6>Small</h6>", "\nHeadline\n\nSmall\n"},
    {"<blockquote>Quoted</blockquote>", "\nQuoted\n"},
    {"<table><tr><td>A</td><td>B</td></tr></table>", "\n\n A  B \n\n"},
    {"before<!-- a comment with <p> inside -->after", "beforeafter"},
    {"<!DOCTYPE html><html><body>x</body></html>", "\n\nx\n\n"},
    {"<?xml version=\"1.0\"?>doc", "doc"},
    {"<o:p>Word</o:p> export", "Word export"},
    {"<st1:country-region w:st=\"on\">Ukraine</st1:country-region>", "Ukraine"},
    {"<averyveryveryveryverylongname x>", "<averyveryveryveryverylongname x>"},
    {"a<script type=\"text/javascript\">var x = \"<p>\" < 3;</script>b", "ab"},
    {"a<style>p { color: red; }</style>b", "ab"},
    {"a<SCRIPT>x</SCRIPT >b", "ab"},
    {"a<script>never closed <p> text", "a"},
    {"<img src=\"map.png\" alt=\"a map\"/>Caption", "Caption"},
    {"&lt;p&gt;escaped tags stay&lt;/p&gt;", "<p>escaped tags stay</p>"},
    // A '<' that does not open a known tag stays.
    {"a < b", "a < b"},
    {"3-7-2024 < RT", "3-7-2024 < RT"},
    {"if x<y and z>w", "if x<y and z>w"},
    {"score <3 and <= 5", "score <3 and <= 5"},
    {"<Reuters> wire", "<Reuters> wire"},
    {"unclosed <p class=\"x\" and more", "unclosed <p class=\"x\" and more"},
    {"unclosed <!-- comment", "unclosed <!-- comment"},
    {"<b <i>nested</i>", "<b nested"},
    {"ends with <", "ends with <"},
    {"ends with </", "ends with </"},
};

TEST(PreparedText, DropsMarkup) {
  for (const NormalisationCase& c : kMarkupCases) {
    const PreparedText prepared = Prepare(c.original);
    EXPECT_EQ(prepared.text, c.expected) << "input: " << c.original;
    ExpectInvariants(c.original, prepared);
  }
}

TEST(PreparedText, EmptyInput) {
  const PreparedText prepared = Prepare("");
  EXPECT_EQ(prepared.text, "");
  EXPECT_EQ(prepared.ToOriginal(0), 0u);
}

TEST(PreparedText, OffsetsOfCopiedBytesAreExact) {
  const std::string original = "Prime Minister Modi met Foreign Minister Lavrov.";
  const PreparedText prepared = Prepare(original);
  ASSERT_EQ(prepared.text, original);
  for (std::size_t i = 0; i <= original.size(); ++i) EXPECT_EQ(prepared.ToOriginal(i), i);
}

TEST(PreparedText, RangesMapBackToTheOriginalBytes) {
  const std::string original =
      "<p>Kyiv\u2019s envoy met &ldquo;S&eacute;bastien&rdquo; in "
      "Gen&egrave;ve.</p><p>Talks\u00A0ended\u2026 late.</p>";
  const PreparedText prepared = Prepare(original);
  ASSERT_EQ(prepared.text,
            "\nKyiv's envoy met \"S\u00E9bastien\" in Gen\u00E8ve.\n\nTalks ended... late.\n");
  ExpectInvariants(original, prepared);

  const auto original_of = [&](std::string_view needle) {
    const std::size_t b = prepared.text.find(needle);
    EXPECT_NE(b, std::string::npos) << needle;
    return std::string(OriginalOf(prepared, original, b, b + needle.size()));
  };
  EXPECT_EQ(original_of("Kyiv's"), "Kyiv\u2019s");
  EXPECT_EQ(original_of("'"), "\u2019");
  EXPECT_EQ(original_of("\"S\u00E9bastien\""), "&ldquo;S&eacute;bastien&rdquo;");
  EXPECT_EQ(original_of("Gen\u00E8ve."), "Gen&egrave;ve.");
  EXPECT_EQ(original_of("Talks ended"), "Talks\u00A0ended");
  EXPECT_EQ(original_of("..."), "\u2026");
  EXPECT_EQ(original_of("late."), "late.");
  // The newline standing for a block tag maps to that tag's '<'.
  const std::size_t second_paragraph = prepared.text.find("\n\n");
  EXPECT_EQ(original[prepared.ToOriginal(second_paragraph)], '<');
  EXPECT_EQ(original.substr(prepared.ToOriginal(second_paragraph), 4), "</p>");
}

TEST(PreparedText, RangeBeforeDroppedInlineTagIncludesIt) {
  // Dropped markup has no bytes of its own in the text, so the end of a range that stops
  // just before it maps past it: the documented price of a single offset per byte.
  const std::string original = "<b>Lavrov</b> said";
  const PreparedText prepared = Prepare(original);
  ASSERT_EQ(prepared.text, "Lavrov said");
  EXPECT_EQ(OriginalOf(prepared, original, 0, 6), "Lavrov</b>");
  EXPECT_EQ(OriginalOf(prepared, original, 7, 11), "said");
}

TEST(PreparedText, InvalidUtf8IsReplacedAndWarnedOnce) {
  // Bad bytes at 9 (lone continuation), 19 (truncated 3-byte sequence) and the end.
  const std::string original = "Beijing, \x80 Moscow, \xE2\x80 Kyiv \u00E9 Delhi \xFF";
  CollectingDiagnostics diagnostics;
  const PreparedText prepared = PrepareText(original, "news.jsonl:3", diagnostics);
  EXPECT_EQ(prepared.text, "Beijing, \uFFFD Moscow, \uFFFD Kyiv \u00E9 Delhi \uFFFD");
  ExpectInvariants(original, prepared);
  ASSERT_EQ(diagnostics.messages().size(), 1u);
  EXPECT_EQ(diagnostics.messages()[0], "news.jsonl:3: invalid UTF-8 at byte 9, replaced");
  // The replacement maps back to the bad bytes.
  const std::size_t second = prepared.text.find("\uFFFD", 12);
  EXPECT_EQ(OriginalOf(prepared, original, second, second + 3), "\xE2\x80");
}

TEST(PreparedText, ValidInputGivesNoWarning) {
  CollectingDiagnostics diagnostics;
  PrepareText("Ankara\u2019s &amp; Athens\u2019 <p>talks</p>", "a.txt", diagnostics);
  EXPECT_TRUE(diagnostics.messages().empty());
}

struct Utf8Case {
  const char* bytes;
  const char* expected;
};

// One U+FFFD per maximal ill-formed subpart, as Unicode recommends.
constexpr Utf8Case kUtf8Cases[] = {
    {"", ""},
    {"ascii", "ascii"},
    {"\u00E9\u20AC\U0001F30D", "\u00E9\u20AC\U0001F30D"},  // é € 🌍
    {"\x80", "\uFFFD"},
    {"\xBF\x80", "\uFFFD\uFFFD"},
    {"\xC0\xAF", "\uFFFD\uFFFD"},  // overlong '/'
    {"\xC3", "\uFFFD"},            // truncated at the end
    {"\xC3x", "\uFFFDx"},
    {"\xE2\x82x", "\uFFFDx"},                          // one subpart, one U+FFFD
    {"\xE0\x80\x80", "\uFFFD\uFFFD\uFFFD"},            // overlong
    {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},            // surrogate
    {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},  // > U+10FFFF
    {"\xF0\x9F\x8C", "\uFFFD"},
    {"\xFE\xFF", "\uFFFD\uFFFD"},
    {"ok\xF5\x80ok", "ok\uFFFD\uFFFDok"},
};

TEST(PreparedText, ValidUtf8ReplacesEachIllFormedSubpart) {
  for (const Utf8Case& c : kUtf8Cases) {
    EXPECT_EQ(ValidUtf8(c.bytes), c.expected) << "input: " << c.bytes;
    const PreparedText prepared = Prepare(c.bytes);
    EXPECT_EQ(prepared.text, c.expected) << "input: " << c.bytes;
    ExpectInvariants(c.bytes, prepared);
  }
}

TEST(PreparedText, ValidUtf8KeepsEmbeddedNul) {
  const std::string bytes("a\0b", 3);
  EXPECT_EQ(ValidUtf8(bytes), bytes);
}

TEST(PreparedText, ControlCharactersBecomeSpaces) {
  const std::string original("a\0b\u0001c\u007Fd\te\ff", 11);
  EXPECT_EQ(Prepare(original).text, "a b c d\te\nf");
}

TEST(PreparedText, InvariantsHoldOnArbitraryBytes) {
  // Random bytes drawn mostly from the characters the preparer reacts to.
  const std::string_view alphabet[] = {
      "&", "<",  ">",   "/",   "p",   "a",    ";",        "#",    "x",    "1",      "\"", "'",
      " ", "\n", "amp", "!--", "-->", "\x80", "\xE2\x80", "\x99", "\xC3", "script", "\r", "br"};
  std::mt19937 random(20240305);
  for (int round = 0; round < 2000; ++round) {
    std::string original;
    const int pieces = static_cast<int>(random() % 40);
    for (int k = 0; k < pieces; ++k) original += alphabet[random() % std::size(alphabet)];
    ExpectInvariants(original, Prepare(original));
    if (testing::Test::HasFailure()) break;
  }
}

TEST(PreparedText, ManyUnclosedCommentsAndTagsStayFast) {
  // Hostile input must not make the pass quadratic: every "<!--" and "<p " is unclosed.
  std::string original;
  for (int i = 0; i < 50000; ++i) original += "<!-- <p x=1 ";
  const PreparedText prepared = Prepare(original);
  EXPECT_EQ(prepared.text, original);
}

}  // namespace
}  // namespace actorgraph
