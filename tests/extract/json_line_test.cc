#include "extract/json_line.h"

#include <gtest/gtest.h>

#include <string>

namespace actorgraph {
namespace {

// The value of top-level member `name` after parsing `line`, or "<none>".
std::string Value(const JsonLine& json, std::string_view name) {
  const JsonMember* m = json.Find(name);
  return m == nullptr ? "<none>" : m->value;
}

TEST(JsonLine, KeepsTopLevelStringsAndNumbers) {
  JsonLine json;
  std::string error;
  ASSERT_TRUE(json.Parse(R"({"id": 17, "text": "Lavrov met Wang.", "score": -2.5e3})", &error))
      << error;
  ASSERT_EQ(json.members().size(), 3u);
  EXPECT_EQ(json.members()[0].name, "id");
  EXPECT_EQ(json.members()[0].kind, JsonMember::Kind::kNumber);
  EXPECT_EQ(Value(json, "id"), "17");
  EXPECT_EQ(json.Find("text")->kind, JsonMember::Kind::kString);
  EXPECT_EQ(Value(json, "text"), "Lavrov met Wang.");
  EXPECT_EQ(Value(json, "score"), "-2.5e3");
  EXPECT_EQ(json.Find("missing"), nullptr);
}

TEST(JsonLine, EveryByteAtEveryPlaceOfALongString) {
  // Plain runs are scanned 16 bytes at a time: each byte value goes at each place of the
  // first blocks and of the tail, where a stop byte must end the run and any other byte
  // be copied.
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t place = 0; place < 40; ++place) {
      std::string text(37, 'a');
      text[place % text.size()] = static_cast<char>(byte);
      const std::string line = "{\"text\": \"" + text + "\"}";
      JsonLine json;
      std::string error;
      const bool parsed = json.Parse(line, &error);
      if (byte < 0x20) {
        EXPECT_FALSE(parsed) << byte << " at " << place;
        EXPECT_EQ(error, "control character in string at column " + std::to_string(11 + place % text.size()))
            << byte << " at " << place;
      } else if (byte == '"' || byte == '\\') {
        EXPECT_FALSE(parsed) << byte << " at " << place;  // a string cut short, or a bad escape
      } else {
        ASSERT_TRUE(parsed) << byte << " at " << place << ": " << error;
        EXPECT_EQ(Value(json, "text"), text) << byte << " at " << place;
      }
    }
  }
}

TEST(JsonLine, SkipsNestedValuesAndLiterals) {
  JsonLine json;
  std::string error;
  ASSERT_TRUE(json.Parse(R"({"meta": {"text": "inner", "list": [1, [2, {}], "x"]},)"
                         R"( "ok": true, "no": false, "none": null, "text": "outer", "e": []})",
                         &error))
      << error;
  EXPECT_EQ(Value(json, "text"), "outer");
  EXPECT_EQ(json.Find("meta"), nullptr);
  EXPECT_EQ(json.Find("ok"), nullptr);
  EXPECT_EQ(json.members().size(), 1u);
}

TEST(JsonLine, DecodesEscapes) {
  struct Case {
    std::string json_string;  // the string literal as written in JSON, quotes included
    std::string decoded;
  };
  const Case cases[] = {
      {R"("a\"b")", "a\"b"},
      {R"("back\\slash")", "back\\slash"},
      {R"("a\/b")", "a/b"},
      {R"("\b\f\n\r\t")", "\b\f\n\r\t"},
      {R"("\u0041")", "A"},
      {R"("caf\u00e9")", "caf\xC3\xA9"},
      {R"("\u20AC")", "\xE2\x82\xAC"},            // euro sign, 3 bytes
      {R"("\uD83D\uDE00")", "\xF0\x9F\x98\x80"},  // surrogate pair: one 4-byte character
      {R"("\uD83Dx")", "\xEF\xBF\xBDx"},          // lone high surrogate: U+FFFD
      {R"("\uDE00")", "\xEF\xBF\xBD"},            // lone low surrogate
      {R"("\uD83D\u0041")",
       "\xEF\xBF\xBD"
       "A"},  // high surrogate, then no low one
      {"\"\xD0\x9B\xD0\xB0\xD0\xB2\"", "\xD0\x9B\xD0\xB0\xD0\xB2"},  // raw UTF-8 kept
      {R"("")", ""},
  };
  JsonLine json;
  for (const Case& c : cases) {
    std::string error;
    ASSERT_TRUE(json.Parse("{\"s\":" + c.json_string + "}", &error))
        << c.json_string << ": " << error;
    EXPECT_EQ(Value(json, "s"), c.decoded) << c.json_string;
  }
}

TEST(JsonLine, DecodesEscapesInNames) {
  JsonLine json;
  std::string error;
  ASSERT_TRUE(json.Parse(R"({"te\u0078t": "x"})", &error)) << error;
  EXPECT_EQ(Value(json, "text"), "x");
}

TEST(JsonLine, LastDuplicateWins) {
  JsonLine json;
  std::string error;
  ASSERT_TRUE(json.Parse(R"({"id": "a", "id": "b"})", &error)) << error;
  EXPECT_EQ(Value(json, "id"), "b");
}

TEST(JsonLine, AcceptsSurroundingWhitespaceAndEmptyObject) {
  JsonLine json;
  std::string error;
  EXPECT_TRUE(json.Parse(" \t{ } \r", &error)) << error;
  EXPECT_TRUE(json.members().empty());
  EXPECT_TRUE(json.Parse("{\"n\":0}", &error)) << error;
  EXPECT_EQ(Value(json, "n"), "0");
}

TEST(JsonLine, ReusedParserForgetsThePreviousLine) {
  JsonLine json;
  std::string error;
  ASSERT_TRUE(json.Parse(R"({"id": "1", "title": "T"})", &error));
  ASSERT_TRUE(json.Parse(R"({"id": "2"})", &error));
  EXPECT_EQ(Value(json, "id"), "2");
  EXPECT_EQ(json.Find("title"), nullptr);
  EXPECT_EQ(json.members().size(), 1u);
}

TEST(JsonLine, RejectsInvalidLines) {
  struct Case {
    std::string line;
    std::string error;  // expected reason
  };
  const Case cases[] = {
      {"", "expected '{' at end of line"},
      {"[1, 2]", "expected '{' at column 1"},
      {"\"text\"", "expected '{' at column 1"},
      {"{\"id\": 1", "expected ',' or '}' at end of line"},
      {"{\"id\" 1}", "expected ':' at column 7"},
      {"{id: 1}", "expected '\"' at column 2"},
      {"{'id': 1}", "expected '\"' at column 2"},
      {"{\"id\": 1,}", "expected '\"' at column 10"},
      {"{\"id\": 1} x", "unexpected text after the object at column 11"},
      {"{\"id\": 1}{}", "unexpected text after the object at column 10"},
      {"{\"a\": \"x\ty\"}", "control character in string at column 9"},
      {"{\"a\": \"abc}", "unterminated string at end of line"},
      {"{\"a\": \"\\x\"}", "bad escape in string at column 9"},
      {"{\"a\": \"\\u12\"}", "bad hex digit in \\u escape at column 12"},
      {"{\"a\": \"\\u1\"}", "incomplete \\u escape at column 10"},
      {"{\"a\": 01}", "expected ',' or '}' at column 8"},
      {"{\"a\": 1.}", "expected a digit after '.' at column 9"},
      {"{\"a\": 1e}", "expected a digit in exponent at column 9"},
      {"{\"a\": -}", "expected a digit at column 8"},
      {"{\"a\": +1}", "unexpected character at column 7"},
      {"{\"a\": tru}", "unexpected character at column 7"},
      {"{\"a\": [1,]}", "unexpected character at column 10"},
      {"{\"a\": {\"b\" 1}}", "expected ':' at column 12"},
      {"{\"a\": NaN}", "unexpected character at column 7"},
      {"{\"a\": 1 // comment\n}", "expected ',' or '}' at column 9"},
  };
  JsonLine json;
  for (const Case& c : cases) {
    std::string error;
    EXPECT_FALSE(json.Parse(c.line, &error)) << c.line;
    EXPECT_EQ(error, c.error) << c.line;
  }
}

TEST(JsonLine, RejectsDeepNestingWithoutCrashing) {
  std::string line = "{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  JsonLine json;
  std::string error;
  EXPECT_FALSE(json.Parse(line, &error));
  EXPECT_NE(error.find("nested too deeply"), std::string::npos) << error;
}

TEST(JsonLine, AcceptsNestingWithinTheLimit) {
  std::string line = "{\"a\": " + std::string(100, '[') + std::string(100, ']') + ", \"b\": \"x\"}";
  JsonLine json;
  std::string error;
  EXPECT_TRUE(json.Parse(line, &error)) << error;
  EXPECT_EQ(Value(json, "b"), "x");
}

}  // namespace
}  // namespace actorgraph
