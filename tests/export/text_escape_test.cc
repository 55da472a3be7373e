#include "export/text_escape.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace actorgraph {
namespace {

TEST(TextEscape, KeepsValidUtf8) {
  std::string text = "Emoji \xF0\x9F\x98\x80, Arabic \xD8\xB1\xD9\x8A, Hebrew \xD7\xAA, caf\xC3\xA9";
  EXPECT_EQ(SanitizeText(text), text);
}

TEST(TextEscape, ReplacesInvalidUtf8) {
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(SanitizeText("a\xff" "b"), "a" + r + "b");
  EXPECT_EQ(SanitizeText("\xc3("), r + "(");                 // truncated two-byte sequence
  EXPECT_EQ(SanitizeText("\xed\xa0\x80"), r + r + r);         // a surrogate, byte by byte
  EXPECT_EQ(SanitizeText("\xc0\xaf"), r + r);                 // overlong '/'
  EXPECT_EQ(SanitizeText("\xf4\x90\x80\x80"), r + r + r + r);  // past U+10FFFF
  EXPECT_EQ(SanitizeText("end\xe2\x82"), "end" + r);          // cut at the end
}

TEST(TextEscape, ReplacesXmlIllegalControls) {
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(SanitizeText(std::string("a\x01" "b\x1b" "c\0d", 7)), "a" + r + "b" + r + "c" + r + "d");
  EXPECT_EQ(SanitizeText("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
  EXPECT_EQ(SanitizeText("\xEF\xBF\xBE"), r);  // U+FFFE
}

TEST(TextEscape, XmlEscapesEntitiesAndWhitespace) {
  EXPECT_EQ(XmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(XmlEscape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(XmlEscape("Bell\x07"), "Bell\xEF\xBF\xBD");
}

TEST(TextEscape, JsonQuotes) {
  EXPECT_EQ(JsonQuote("say \"hi\"\\ \n\t\x01"), "\"say \\\"hi\\\"\\\\ \\n\\t\xEF\xBF\xBD\"");
  EXPECT_EQ(JsonQuote("\xF0\x9F\x98\x80"), "\"\xF0\x9F\x98\x80\"");
}

TEST(TextEscape, CsvFieldsFollowRfc4180) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField(""), "");
}

TEST(TextEscape, TruncatesAtCodePoints) {
  EXPECT_EQ(TruncateText("short", 10), "short");
  EXPECT_EQ(TruncateText("exactly10!", 10), "exactly10!");
  EXPECT_EQ(TruncateText("0123456789AB", 10), "012345678\xE2\x80\xA6");
  // Never cuts inside an emoji.
  EXPECT_EQ(TruncateText("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 2),
            "\xF0\x9F\x98\x80\xE2\x80\xA6");
}

// TruncateText sanitises and cuts in one pass; it must cut exactly where cutting the
// sanitised text would, whatever mix of plain runs, multi-byte and ill-formed bytes.
TEST(TextEscape, TruncatesLikeSanitizingFirst) {
  auto expected = [](std::string_view text, std::size_t max_chars) {
    std::string clean = SanitizeText(text);
    std::size_t chars = 0, cut = 0;
    for (std::size_t pos = 0; pos < clean.size(); ++pos) {
      if ((static_cast<unsigned char>(clean[pos]) & 0xC0) == 0x80) continue;
      if (++chars == max_chars) cut = pos;
      if (chars > max_chars) return clean.substr(0, cut) + "\xE2\x80\xA6";
    }
    return clean;
  };
  const std::string texts[] = {
      "",
      "plain words only",
      "a\tb\nc\rd",
      "caf\xC3\xA9 na\xC3\xAFve \xF0\x9F\x98\x80 end",
      "bad \xff\xfe bytes \xc3( and \xed\xa0\x80 cut \xe2\x82",
      "\x01\x02ctl\xEF\xBF\xBE\xEF\xBF\xBF<&>\"'",
  };
  for (const std::string& text : texts) {
    for (std::size_t max_chars = 1; max_chars <= text.size() + 2; ++max_chars)
      EXPECT_EQ(TruncateText(text, max_chars), expected(text, max_chars)) << text << " " << max_chars;
  }
}

}  // namespace
}  // namespace actorgraph
